# bash completion for jwt-workbench-cli                                              -*- shell-script -*-
# Installed to share/bash-completion/completions/jwt-workbench-cli. Self-contained: works with or without the
# bash-completion package. The packaging_docs_in_sync test checks that every command and option the program's
# --help lists is offered here, and that the --alg values match the algorithms of `jwt-workbench-cli --version`.

# JWE (RFC 7518): what decrypt accepts; encrypt never offers RSA1_5.
_jwt_workbench_cli_jwe_algs="RSA-OAEP RSA-OAEP-256 RSA-OAEP-384 RSA-OAEP-512 A128KW A192KW A256KW dir ECDH-ES ECDH-ES+A128KW"\
" ECDH-ES+A192KW ECDH-ES+A256KW A128GCMKW A192GCMKW A256GCMKW PBES2-HS256+A128KW PBES2-HS384+A192KW PBES2-HS512+A256KW"
_jwt_workbench_cli_jwe_encs="A128GCM A192GCM A256GCM A128CBC-HS256 A192CBC-HS384 A256CBC-HS512"
_jwt_workbench_cli_algs="HS256 HS384 HS512 RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512 EdDSA ES256K Ed25519 Ed448"

# Options per command: "name" for a flag, "name=" for an option that takes a value.
_jwt_workbench_cli_options() {
    case $1 in
        decode)
            echo "--token-file= --at= --access-token= --cert= --json --help" ;;
        verify)
            echo "--token-file= --key= --secret= --secret-file= --secret-encoding= --jwks-url= --issuer= --ca= --pin="\
                 "--insecure --timeout= --alg= --key-id-strategy= --iss= --aud= --leeway= --require-exp --typ= --allow-weak-keys"\
                 "--at= --kb-aud= --nonce= --kb-max-age= --require-kb --batch="\
                 "--jobs= --each --json --help" ;;
        sign)
            echo "--key= --secret= --secret-file= --secret-encoding= --alg= --kid= --header= --exp= --nbf= --iat --at="\
                 "--json --help" ;;
        decrypt)
            echo "--token-file= --key= --secret= --secret-file= --secret-encoding= --jwks= --password= --password-file="\
                 "--alg= --enc= --max-p2c= --verify-key= --verify-secret= --at= --json --help" ;;
        encrypt)
            echo "--key= --secret= --secret-file= --secret-encoding= --password= --password-file= --alg= --enc= --kid="\
                 "--cty= --zip --p2c= --json-serialization= --sign-key= --sign-secret= --sign-alg= --sign-kid= --json"\
                 "--help" ;;
        keygen)
            echo "--alg= --crv= --kid= --kid-thumbprint --bits= --format= --public --out= --json --help" ;;
        "jwks fetch")
            echo "--ca= --pin= --insecure --timeout= --issuer= --json --help" ;;
        "key convert")
            echo "--to= --public --private --pem-format= --kid= --out= --json --help" ;;
        "key thumbprint")
            echo "--hash= --json --help" ;;
        "key info")
            echo "--ca= --at= --json --help" ;;
        simulate)
            echo "--config= --endpoint= --method= --validator= --all-endpoints --token= --header= --cookie= --jwks="\
                 "--revoked= --at= --timeout= --json --help" ;;
        matrix)
            echo "--config= --endpoint= --method= --validator= --key= --secret= --secret-file= --secret-encoding= --at="\
                 "--base-url= --jwks-out= --script --sweep --run= --ca= --pin= --insecure --delay= --max-requests= --timeout="\
                 "--json --help" ;;
        "config validator")
            echo "--alg= --jwk-url= --jwk-local-path= --secret-url= --cypher-key= --cache --cache-duration= --audience="\
                 "--issuer= --roles-key= --roles-key-is-nested --roles= --scopes= --scopes-key= --scopes-matcher="\
                 "--cookie-key= --auth-header-name= --leeway= --failed-jwk-key-cooldown= --key-identify-strategy="\
                 "--disable-jwk-security --jwk-fingerprints= --jwk-local-ca= --cipher-suites= --propagate-claims="\
                 "--propagate-claims-preserve-array --operation-debug --endpoint= --method= --backend= --into="\
                 "--replace --rename-legacy --from-token= --from-issuer= --ca= --pin= --insecure --timeout= --json"\
                 "--help" ;;
        "config signer")
            echo "--alg= --kid= --keys-to-sign= --full --jwk-url= --jwk-local-path= --disable-jwk-security"\
                 "--jwk-fingerprints= --jwk-local-ca= --cipher-suites= --secret-url= --cypher-key= --leeway="\
                 "--endpoint= --method= --backend= --into= --replace --rename-legacy --json --help" ;;
        "config lint")
            echo "--token= --jwks= --json --help" ;;
        crack)
            echo "--token-file= --wordlist= --jobs= --json --help" ;;
        "token fetch")
            echo "--issuer= --client-id= --client-secret-file= --private-key= --auth= --flow= --scope= --audience="\
                 "--resource= --refresh-token-file= --no-browser --wait= --ca= --pin= --insecure --timeout= --json --help" ;;
    esac
}

_jwt_workbench_cli() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # The command, and the subcommand of jwks, key and config.
    local commands="decode verify sign decrypt encrypt keygen jwks key simulate matrix config crack token"
    if ((COMP_CWORD == 1)); then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return 0
    fi
    local command=${COMP_WORDS[1]} first=2
    case $command in
        jwks | key | config | token)
            local subcommands
            case $command in
                jwks) subcommands="fetch" ;;
                key) subcommands="convert thumbprint info" ;;
                config) subcommands="validator signer lint" ;;
                token) subcommands="fetch" ;;
            esac
            if ((COMP_CWORD == 2)); then
                COMPREPLY=($(compgen -W "$subcommands --help" -- "$cur"))
                return 0
            fi
            command="$command ${COMP_WORDS[2]}"
            first=3
            ;;
    esac
    local options
    options=$(_jwt_workbench_cli_options "$command")
    [[ -n $options ]] || return 0

    # The value of an option: "--name value", or "--name=value" (which bash splits into "--name", "=" and
    # "value" while "=" is in COMP_WORDBREAKS, as it is by default).
    local option=""
    if [[ $cur == = && $prev == --* ]]; then
        option=$prev
        cur=""
    elif [[ $prev == = ]] && ((COMP_CWORD >= 2)) && [[ ${COMP_WORDS[COMP_CWORD - 2]} == --* ]]; then
        option=${COMP_WORDS[COMP_CWORD - 2]}
    elif [[ $cur == --*=* ]]; then
        option=${cur%%=*}
        cur=${cur#*=}
    elif [[ $prev == --* ]] && ((COMP_CWORD - 1 >= first)) && [[ " $options " == *" $prev= "* ]]; then
        option=$prev
    fi

    if [[ -n $option ]]; then
        case $option in
            --alg)
                case $command in
                    encrypt) COMPREPLY=($(compgen -W "$_jwt_workbench_cli_jwe_algs" -- "$cur")) ;;
                    decrypt) COMPREPLY=($(compgen -W "RSA1_5 $_jwt_workbench_cli_jwe_algs" -- "$cur")) ;;
                    *) COMPREPLY=($(compgen -W "$_jwt_workbench_cli_algs" -- "$cur")) ;;
                esac ;;
            --sign-alg)
                COMPREPLY=($(compgen -W "$_jwt_workbench_cli_algs" -- "$cur")) ;;
            --enc)
                COMPREPLY=($(compgen -W "$_jwt_workbench_cli_jwe_encs" -- "$cur")) ;;
            --json-serialization)
                COMPREPLY=($(compgen -W "compact flattened general" -- "$cur")) ;;
            --key-id-strategy | --key-identify-strategy)
                COMPREPLY=($(compgen -W "kid x5t x5t#S256 kid_x5t" -- "$cur")) ;;
            --secret-encoding)
                COMPREPLY=($(compgen -W "utf8 base64 base64url hex" -- "$cur")) ;;
            --crv)
                COMPREPLY=($(compgen -W "P-256 P-384 P-521 X25519 X448 secp256k1 Ed25519 Ed448" -- "$cur")) ;;
            --format)
                COMPREPLY=($(compgen -W "jwk jwks pem" -- "$cur")) ;;
            --to)
                COMPREPLY=($(compgen -W "jwk jwks pem der" -- "$cur")) ;;
            --hash)
                COMPREPLY=($(compgen -W "sha256 sha384 sha512" -- "$cur")) ;;
            --pem-format)
                COMPREPLY=($(compgen -W "standard type-specific" -- "$cur")) ;;
            --bits)
                COMPREPLY=($(compgen -W "2048 3072 4096 256 384 512" -- "$cur")) ;;
            --method)
                COMPREPLY=($(compgen -W "GET POST PUT PATCH DELETE" -- "$cur")) ;;
            --flow)
                COMPREPLY=($(compgen -W "client-credentials auth-code device refresh" -- "$cur")) ;;
            --auth)
                COMPREPLY=($(compgen -W "client_secret_basic client_secret_post private_key_jwt none" -- "$cur")) ;;
            --client-secret-file | --private-key | --refresh-token-file)
                compopt -o filenames 2>/dev/null
                COMPREPLY=($(compgen -f -- "$cur")) ;;
            --scopes-matcher)
                COMPREPLY=($(compgen -W "any all" -- "$cur")) ;;
            --jobs)
                COMPREPLY=($(compgen -W "1 2 4 8 $(nproc 2>/dev/null)" -- "$cur")) ;;
            --leeway | --timeout | --wait | --exp | --nbf | --cache-duration | --failed-jwk-key-cooldown)
                COMPREPLY=($(compgen -W "30s 1m 5m 15m 1h 24h" -- "$cur")) ;;
            --token-file | --access-token | --cert | --key | --secret-file | --password-file | --verify-key | --sign-key | --ca | --batch | --config | --validator | --jwks | --jwks-out | \
                --out | --into | --jwk-local-path | --jwk-local-ca)
                compopt -o filenames 2>/dev/null
                COMPREPLY=($(compgen -f -- "$cur")) ;;
            *)
                # free text: a URL, a secret, a claim name, JSON ...
                ;;
        esac
        return 0
    fi

    if [[ $cur == -* ]]; then
        local words=() o
        for o in $options; do
            words+=("${o%=}")
        done
        COMPREPLY=($(compgen -W "${words[*]}" -- "$cur"))
        return 0
    fi

    # Positional arguments: files (a key, a token file, krakend.json) and - for standard input.
    case $command in
        "key convert" | "key thumbprint" | "key info" | "config lint" | decode | verify | sign | decrypt | encrypt)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
            ;;
    esac
    return 0
}

complete -F _jwt_workbench_cli jwt-workbench-cli
