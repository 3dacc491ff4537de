// Peer for make bench: golang-jwt v4 (Debian's golang-github-golang-jwt-jwt-dev) parsing and validating every
// token of a file (signature, exp, iat, nbf, and the header's kid, which must be KID as a key set would require)
// with one key parsed once. Prints {"total","valid","seconds"}; seconds covers the loop only. make bench runs it
// with GOMAXPROCS=1, pinned to one core.
//
//	golang-jwt-verify ALG KEY_FILE(PEM, or the secret for HS*) TOKENS_FILE KID
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"

	jwt "github.com/golang-jwt/jwt"
)

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: golang-jwt-verify ALG KEY_FILE TOKENS_FILE KID")
		os.Exit(2)
	}
	alg, keyFile, tokensFile, kid := os.Args[1], os.Args[2], os.Args[3], os.Args[4]
	keyBytes, err := os.ReadFile(keyFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var key interface{}
	switch {
	case strings.HasPrefix(alg, "HS"):
		key = []byte(strings.TrimRight(string(keyBytes), "\n"))
	case strings.HasPrefix(alg, "RS"), strings.HasPrefix(alg, "PS"):
		key, err = jwt.ParseRSAPublicKeyFromPEM(keyBytes)
	case strings.HasPrefix(alg, "ES"):
		key, err = jwt.ParseECPublicKeyFromPEM(keyBytes)
	case alg == "EdDSA":
		key, err = jwt.ParseEdPublicKeyFromPEM(keyBytes)
	}
	if err != nil || key == nil {
		fmt.Fprintln(os.Stderr, "key:", err)
		os.Exit(2)
	}
	f, err := os.Open(tokensFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var tokens []string
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	for scanner.Scan() {
		if line := strings.TrimSpace(scanner.Text()); line != "" {
			tokens = append(tokens, line)
		}
	}
	parser := jwt.NewParser(jwt.WithValidMethods([]string{alg}))
	keyFunc := func(t *jwt.Token) (interface{}, error) {
		if k, ok := t.Header["kid"].(string); !ok || k != kid {
			return nil, fmt.Errorf("no key for kid %v", t.Header["kid"])
		}
		return key, nil
	}
	valid := 0
	start := time.Now()
	for _, t := range tokens {
		if parsed, err := parser.Parse(t, keyFunc); err == nil && parsed.Valid {
			valid++
		}
	}
	seconds := time.Since(start).Seconds()
	fmt.Printf("{\"total\": %d, \"valid\": %d, \"seconds\": %.6f}\n", len(tokens), valid, seconds)
}
