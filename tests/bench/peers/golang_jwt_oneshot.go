// Peer for make bench (CLI start-up): a one-shot Go JWT verifier, golang-jwt v4 (Debian's
// golang-github-golang-jwt-jwt-dev) and the standard library only. It does what one
// `jwt-workbench-cli verify --token-file FILE --key PUB.pem --alg ALG` does in essence: read the key and the token,
// verify the signature and exp/iat/nbf, print the verdict and the claims, exit 0 (valid) or 1.
//
//	golang-jwt-oneshot ALG KEY_FILE(PEM, or the secret for HS*) TOKEN_FILE
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	jwt "github.com/golang-jwt/jwt"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: golang-jwt-oneshot ALG KEY_FILE TOKEN_FILE")
		os.Exit(2)
	}
	alg, keyFile, tokenFile := os.Args[1], os.Args[2], os.Args[3]
	keyBytes, err := os.ReadFile(keyFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	token, err := os.ReadFile(tokenFile)
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
	parser := jwt.NewParser(jwt.WithValidMethods([]string{alg}))
	parsed, err := parser.Parse(strings.TrimSpace(string(token)), func(*jwt.Token) (interface{}, error) { return key, nil })
	if err != nil || !parsed.Valid {
		fmt.Println("INVALID:", err)
		os.Exit(1)
	}
	claims, _ := json.MarshalIndent(parsed.Claims, "", "  ")
	fmt.Printf("VALID\n%s\n", claims)
}
