<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>jwb::ui::BlockTab</name>
    <message>
        <source>Add validator</source>
        <translation>Add validator</translation>
    </message>
    <message>
        <source>Add an auth/validator block to this endpoint (alg and a JWK URL to fill in)</source>
        <translation>Add an auth/validator block to this endpoint (alg and a JWK URL to fill in)</translation>
    </message>
    <message>
        <source>Remove validator</source>
        <translation>Remove validator</translation>
    </message>
    <message>
        <source>Remove this endpoint&apos;s auth/validator block: the endpoint becomes public</source>
        <translation>Remove this endpoint&apos;s auth/validator block: the endpoint becomes public</translation>
    </message>
    <message>
        <source>This endpoint has no auth/validator: KrakenD lets every request through. “Add validator” creates one; “Suggest from token…” fills one from a token.</source>
        <translation>This endpoint has no auth/validator: KrakenD lets every request through. “Add validator” creates one; “Suggest from token…” fills one from a token.</translation>
    </message>
    <message>
        <source>Add signer</source>
        <translation>Add signer</translation>
    </message>
    <message>
        <source>Add an auth/signer block: KrakenD then signs the listed response fields as JWTs</source>
        <translation>Add an auth/signer block: KrakenD then signs the listed response fields as JWTs</translation>
    </message>
    <message>
        <source>Remove signer</source>
        <translation>Remove signer</translation>
    </message>
    <message>
        <source>Remove this endpoint&apos;s auth/signer block</source>
        <translation>Remove this endpoint&apos;s auth/signer block</translation>
    </message>
    <message>
        <source>This endpoint has no auth/signer. A signer makes KrakenD sign fields of the backend response (e.g. access_token) as JWTs, typically on a login endpoint.</source>
        <translation>This endpoint has no auth/signer. A signer makes KrakenD sign fields of the backend response (e.g. access_token) as JWTs, typically on a login endpoint.</translation>
    </message>
    <message>
        <source>Added auth/validator: set jwk_url to your identity provider&apos;s JWK Set</source>
        <translation>Added auth/validator: set jwk_url to your identity provider&apos;s JWK Set</translation>
    </message>
    <message>
        <source>The signer cannot be created, so this endpoint answers 401 to every request: %1</source>
        <translation>The signer cannot be created, so this endpoint answers 401 to every request: %1</translation>
    </message>
    <message>
        <source>KrakenD starts, but this endpoint answers 401 to every request: %1</source>
        <translation>KrakenD starts, but this endpoint answers 401 to every request: %1</translation>
    </message>
    <message>
        <source>KrakenD would not start with this block: %1</source>
        <translation>KrakenD would not start with this block: %1</translation>
    </message>
    <message>
        <source>No endpoint selected</source>
        <translation>No endpoint selected</translation>
    </message>
    <message>
        <source>This configuration has no endpoints yet. “Add endpoint…” on the left creates one.</source>
        <translation>This configuration has no endpoints yet. “Add endpoint…” on the left creates one.</translation>
    </message>
    <message>
        <source>Select an endpoint on the left to edit its JWT blocks.</source>
        <translation>Select an endpoint on the left to edit its JWT blocks.</translation>
    </message>
    <message>
        <source>This config uses flexible-configuration templates ({{ … }}): it is read-only here. Export single blocks instead.</source>
        <translation>This config uses flexible-configuration templates ({{ … }}): it is read-only here. Export single blocks instead.</translation>
    </message>
</context>
<context>
    <name>jwb::ui::ChecksModel</name>
    <message>
        <source>Startup</source>
        <translation>Startup</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Registered claims</source>
        <translation>Registered claims</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>✗ FAIL — stops here (%1)</source>
        <translation>✗ FAIL — stops here (%1)</translation>
    </message>
    <message>
        <source>– skip — would also fail (%1)</source>
        <translation>– skip — would also fail (%1)</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ ok</translation>
    </message>
    <message>
        <source>✗ FAIL</source>
        <translation>✗ FAIL</translation>
    </message>
    <message>
        <source>– skip</source>
        <translation>– skip</translation>
    </message>
    <message>
        <source>Config findings</source>
        <translation>Config findings</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <source>✗ FAIL — stops here (KrakenD would not start)</source>
        <translation>✗ FAIL — stops here (KrakenD would not start)</translation>
    </message>
</context>
<context>
    <name>jwb::ui::ClaimsModel</name>
    <message>
        <source>Local: %1</source>
        <translation>Local: %1</translation>
    </message>
    <message>
        <source>UTC: %1</source>
        <translation>UTC: %1</translation>
    </message>
    <message>
        <source>Unix: %1</source>
        <translation>Unix: %1</translation>
    </message>
    <message>
        <source>Not a registered header parameter.</source>
        <translation>Not a registered header parameter.</translation>
    </message>
    <message>
        <source>Not a registered claim: its meaning is up to the issuer.</source>
        <translation>Not a registered claim: its meaning is up to the issuer.</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>disclosed by Disclosure %1</source>
        <translation>disclosed by Disclosure %1</translation>
    </message>
    <message>
        <source>%1 disclosed by Disclosure %2</source>
        <translation>%1 disclosed by Disclosure %2</translation>
    </message>
    <message>
        <source>SD-JWT: %1</source>
        <translation>SD-JWT: %1</translation>
    </message>
    <message>
        <source>Selectively disclosed (%1). %2</source>
        <translation>Selectively disclosed (%1). %2</translation>
    </message>
</context>
<context>
    <name>jwb::ui::ComposerPage</name>
    <message>
        <source>Signed with %1.</source>
        <translation>Signed with %1.</translation>
    </message>
    <message>
        <source>Header (extra members)</source>
        <translation>Header (extra members)</translation>
    </message>
    <message>
        <source>Extra header members</source>
        <translation>Extra header members</translation>
    </message>
    <message>
        <source>A JSON object merged into the header after alg, typ and kid (e.g. {&quot;cty&quot;: &quot;JWT&quot;}). Leave empty for none. The algorithm is chosen in the list on the right.</source>
        <translation>A JSON object merged into the header after alg, typ and kid (e.g. {&quot;cty&quot;: &quot;JWT&quot;}). Leave empty for none. The algorithm is chosen in the list on the right.</translation>
    </message>
    <message>
        <source>{ }  — optional, e.g. {&quot;cty&quot;: &quot;JWT&quot;}</source>
        <translation>{ }  — optional, e.g. {&quot;cty&quot;: &quot;JWT&quot;}</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>The token&apos;s payload: a JSON object. Checked as you type; the quick-add buttons below add or replace a claim and keep everything else as written.</source>
        <translation>The token&apos;s payload: a JSON object. Checked as you type; the quick-add buttons below add or replace a claim and keep everything else as written.</translation>
    </message>
    <message>
        <source>Add claim %1</source>
        <translation>Add claim %1</translation>
    </message>
    <message>
        <source>How far in the future &quot;exp&quot; is: a Go duration such as 5m, 1h, 24h or 1h30m</source>
        <translation>How far in the future &quot;exp&quot; is: a Go duration such as 5m, 1h, 24h or 1h30m</translation>
    </message>
    <message>
        <source>Expiry duration</source>
        <translation>Expiry duration</translation>
    </message>
    <message>
        <source>Quick add:</source>
        <translation>Quick add:</translation>
    </message>
    <message>
        <source>exp = now +</source>
        <translation>exp = now +</translation>
    </message>
    <message>
        <source>Set exp to the current time plus the duration on the right</source>
        <translation>Set exp to the current time plus the duration on the right</translation>
    </message>
    <message>
        <source>iat = now</source>
        <translation>iat = now</translation>
    </message>
    <message>
        <source>Set iat to now</source>
        <translation>Set iat to now</translation>
    </message>
    <message>
        <source>nbf = now</source>
        <translation>nbf = now</translation>
    </message>
    <message>
        <source>Set nbf to now</source>
        <translation>Set nbf to now</translation>
    </message>
    <message>
        <source>Set jti to a random 128-bit identifier</source>
        <translation>Set jti to a random 128-bit identifier</translation>
    </message>
    <message>
        <source>value (lists: a, b)</source>
        <translation>value (lists: a, b)</translation>
    </message>
    <message>
        <source>The value the buttons on the right put into the claims. iss and sub take it as a string; aud becomes a string for one value and a list for several; roles is always a list; scope joins the values with spaces. Empty: a sample value.</source>
        <translation>The value the buttons on the right put into the claims. iss and sub take it as a string; aud becomes a string for one value and a list for several; roles is always a list; scope joins the values with spaces. Empty: a sample value.</translation>
    </message>
    <message>
        <source>Quick-add value</source>
        <translation>Quick-add value</translation>
    </message>
    <message>
        <source>Set the issuer</source>
        <translation>Set the issuer</translation>
    </message>
    <message>
        <source>Set the subject</source>
        <translation>Set the subject</translation>
    </message>
    <message>
        <source>Set the audience: one value as a string, several as a list</source>
        <translation>Set the audience: one value as a string, several as a list</translation>
    </message>
    <message>
        <source>Set roles to a list of the values</source>
        <translation>Set roles to a list of the values</translation>
    </message>
    <message>
        <source>Set scope to the values joined by spaces (OAuth 2.0 style)</source>
        <translation>Set scope to the values joined by spaces (OAuth 2.0 style)</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signing</translation>
    </message>
    <message>
        <source>No key in the workspace can sign (a private key or a shared secret is needed). Generate one here, or add one on the Keys page.</source>
        <translation>No key in the workspace can sign (a private key or a shared secret is needed). Generate one here, or add one on the Keys page.</translation>
    </message>
    <message>
        <source>New HS256 secret</source>
        <translation>New HS256 secret</translation>
    </message>
    <message>
        <source>Generate a random 256-bit shared secret into the workspace&apos;s key ring</source>
        <translation>Generate a random 256-bit shared secret into the workspace&apos;s key ring</translation>
    </message>
    <message>
        <source>New ES256 key</source>
        <translation>New ES256 key</translation>
    </message>
    <message>
        <source>Generate a P-256 key pair into the workspace&apos;s key ring</source>
        <translation>Generate a P-256 key pair into the workspace&apos;s key ring</translation>
    </message>
    <message>
        <source>Generate a key…</source>
        <translation>Generate a key…</translation>
    </message>
    <message>
        <source>Open the Keys page&apos;s generator (RSA, EC, Ed25519, secrets)</source>
        <translation>Open the Keys page&apos;s generator (RSA, EC, Ed25519, secrets)</translation>
    </message>
    <message>
        <source>Generate a key</source>
        <translation>Generate a key</translation>
    </message>
    <message>
        <source>The key source to sign with: only sources holding a private key or a shared secret are listed</source>
        <translation>The key source to sign with: only sources holding a private key or a shared secret are listed</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>The kid header. Empty: the key&apos;s own kid, if it has one. In a source with several keys it also picks the key.</source>
        <translation>The kid header. Empty: the key&apos;s own kid, if it has one. In a source with several keys it also picks the key.</translation>
    </message>
    <message>
        <source>Key id (kid)</source>
        <translation>Key id (kid)</translation>
    </message>
    <message>
        <source>Only algorithms the chosen key can sign with are listed; never &quot;none&quot;</source>
        <translation>Only algorithms the chosen key can sign with are listed; never &quot;none&quot;</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithm</translation>
    </message>
    <message>
        <source>The typ header (e.g. JWT, at+jwt). Empty: JWT.</source>
        <translation>The typ header (e.g. JWT, at+jwt). Empty: JWT.</translation>
    </message>
    <message>
        <source>Token type (typ)</source>
        <translation>Token type (typ)</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Key:</translation>
    </message>
    <message>
        <source>Algorithm:</source>
        <translation>Algorithm:</translation>
    </message>
    <message>
        <source>Sign as I type</source>
        <translation>Sign as I type</translation>
    </message>
    <message>
        <source>Re-sign shortly after every change while the inputs are valid</source>
        <translation>Re-sign shortly after every change while the inputs are valid</translation>
    </message>
    <message>
        <source>Sign automatically</source>
        <translation>Sign automatically</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Sign the claims with the chosen key and algorithm now</source>
        <translation>Sign the claims with the chosen key and algorithm now</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Signed token</source>
        <translation>Signed token</translation>
    </message>
    <message>
        <source>The signed compact token: header, payload and signature</source>
        <translation>The signed compact token: header, payload and signature</translation>
    </message>
    <message>
        <source>The signed token appears here.</source>
        <translation>The signed token appears here.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the token to the clipboard</source>
        <translation>Copy the token to the clipboard</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Copy token</translation>
    </message>
    <message>
        <source>Send to Inspector</source>
        <translation>Send to Inspector</translation>
    </message>
    <message>
        <source>Open the token in the inspector</source>
        <translation>Open the token in the inspector</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Copy as curl</translation>
    </message>
    <message>
        <source>Copy a curl command that sends the token as a Bearer token to the URL</source>
        <translation>Copy a curl command that sends the token as a Bearer token to the URL</translation>
    </message>
    <message>
        <source>The URL &quot;Copy as curl&quot; calls (e.g. a KrakenD endpoint)</source>
        <translation>The URL &quot;Copy as curl&quot; calls (e.g. a KrakenD endpoint)</translation>
    </message>
    <message>
        <source>curl URL</source>
        <translation>curl URL</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>%1 (kid %2)</source>
        <translation>%1 (kid %2)</translation>
    </message>
    <message>
        <source>optional (the key has none)</source>
        <translation>optional (the key has none)</translation>
    </message>
    <message>
        <source>The claims must be a JSON object { … }</source>
        <translation>The claims must be a JSON object { … }</translation>
    </message>
    <message>
        <source>Fix the claims JSON before adding %1.</source>
        <translation>Fix the claims JSON before adding %1.</translation>
    </message>
    <message>
        <source>The expiry duration is not valid: %1</source>
        <translation>The expiry duration is not valid: %1</translation>
    </message>
    <message>
        <source>Unknown quick claim %1</source>
        <translation>Unknown quick claim %1</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3 (missing comma?)</source>
        <translation>Line %1, column %2: %3 (missing comma?)</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Line %1, column %2: %3</translation>
    </message>
    <message>
        <source>Duplicate member %1: KrakenD (go-jose) rejects such tokens</source>
        <translation>Duplicate member %1: KrakenD (go-jose) rejects such tokens</translation>
    </message>
    <message>
        <source>The header must be a JSON object { … }</source>
        <translation>The header must be a JSON object { … }</translation>
    </message>
    <message>
        <source>The header sets alg to %1 but the chosen algorithm is %2: choose the algorithm in the list</source>
        <translation>The header sets alg to %1 but the chosen algorithm is %2: choose the algorithm in the list</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Header: %1</source>
        <translation>Header: %1</translation>
    </message>
    <message>
        <source>Claims: %1</source>
        <translation>Claims: %1</translation>
    </message>
    <message>
        <source>No signing key: generate one or add one on the Keys page</source>
        <translation>No signing key: generate one or add one on the Keys page</translation>
    </message>
    <message>
        <source>The chosen key cannot sign</source>
        <translation>The chosen key cannot sign</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: &lt;span style=&quot;color:%2&quot;&gt;not a number (NumericDate expected)&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: &lt;span style=&quot;color:%2&quot;&gt;not a number (NumericDate expected)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 UTC (%3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 UTC (%3)</translation>
    </message>
    <message numerus="yes">
        <source>Signed with %1 — %n character(s)</source>
        <translation>
            <numerusform>Signed with %1 — %n character</numerusform>
            <numerusform>Signed with %1 — %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed yet.</source>
        <translation>Not signed yet.</translation>
    </message>
    <message>
        <source>Could not generate a key: %1</source>
        <translation>Could not generate a key: %1</translation>
    </message>
    <message>
        <source>Composer HS256 secret</source>
        <translation>Composer HS256 secret</translation>
    </message>
    <message>
        <source>Composer ES256 key</source>
        <translation>Composer ES256 key</translation>
    </message>
    <message>
        <source>Generated an HS256 secret into the workspace&apos;s keys (not saved unless you choose to).</source>
        <translation>Generated an HS256 secret into the workspace&apos;s keys (not saved unless you choose to).</translation>
    </message>
    <message>
        <source>Generated an ES256 key into the workspace&apos;s keys (not saved unless you choose to).</source>
        <translation>Generated an ES256 key into the workspace&apos;s keys (not saved unless you choose to).</translation>
    </message>
    <message>
        <source>Token copied to the clipboard.</source>
        <translation>Token copied to the clipboard.</translation>
    </message>
    <message>
        <source>curl command copied to the clipboard.</source>
        <translation>curl command copied to the clipboard.</translation>
    </message>
    <message>
        <source>e.g. given_name, email (empty: a plain JWT)</source>
        <translation>e.g. given_name, email (empty: a plain JWT)</translation>
    </message>
    <message>
        <source>Issue an SD-JWT (RFC 9901): these top-level claims leave the payload and become Disclosures with fresh salts; the payload keeps only their digests (_sd).</source>
        <translation>Issue an SD-JWT (RFC 9901): these top-level claims leave the payload and become Disclosures with fresh salts; the payload keeps only their digests (_sd).</translation>
    </message>
    <message>
        <source>Selectively disclosable claims</source>
        <translation>Selectively disclosable claims</translation>
    </message>
    <message>
        <source>Selectively disclosable:</source>
        <translation>Selectively disclosable:</translation>
    </message>
    <message>
        <source>SD-JWT: %1</source>
        <translation>SD-JWT: %1</translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation>Encrypting…</translation>
    </message>
    <message>
        <source>Encrypt: %1</source>
        <translation>Encrypt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Signed with %1, encrypted (%2) — %n character(s)</source>
        <translation>
            <numerusform>Signed with %1, encrypted (%2) — %n character</numerusform>
            <numerusform>Signed with %1, encrypted (%2) — %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Encrypted, not signed (%1) — %n character(s)</source>
        <translation>
            <numerusform>Encrypted, not signed (%1) — %n character</numerusform>
            <numerusform>Encrypted, not signed (%1) — %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwb::ui::CrackDialog</name>
    <message>
        <source>Search a Wordlist for the Secret</source>
        <translation>Search a Wordlist for the Secret</translation>
    </message>
    <message>
        <source>Tries every line of a wordlist as the %1 secret of this token, on this machine. A secret found here is one anybody with the same list can find: whoever holds it can sign tokens the gateway accepts.</source>
        <translation>Tries every line of a wordlist as the %1 secret of this token, on this machine. A secret found here is one anybody with the same list can find: whoever holds it can sign tokens the gateway accepts.</translation>
    </message>
    <message>
        <source>A file with one candidate secret per line</source>
        <translation>A file with one candidate secret per line</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Threads to search on (all cores by default)</source>
        <translation>Threads to search on (all cores by default)</translation>
    </message>
    <message>
        <source>Wordlist:</source>
        <translation>Wordlist:</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <source>No secret found yet</source>
        <translation>No secret found yet</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message numerus="yes">
        <source>The secret is on the clipboard for %n second(s).</source>
        <translation>
            <numerusform>The secret is on the clipboard for %n second.</numerusform>
            <numerusform>The secret is on the clipboard for %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The secret is on the clipboard.</source>
        <translation>The secret is on the clipboard.</translation>
    </message>
    <message>
        <source>Choose a Wordlist</source>
        <translation>Choose a Wordlist</translation>
    </message>
    <message>
        <source>Wordlists (*.txt *.list *.lst);;All files (*)</source>
        <translation>Wordlists (*.txt *.list *.lst);;All files (*)</translation>
    </message>
    <message>
        <source>Choose a wordlist first.</source>
        <translation>Choose a wordlist first.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Stopped after %1 candidates.</source>
        <translation>Stopped after %1 candidates.</translation>
    </message>
    <message>
        <source>Searching… %1 candidates tried.</source>
        <translation>Searching… %1 candidates tried.</translation>
    </message>
    <message>
        <source>Found on line %1 after %2 candidates. Replace this secret with 32 or more random bytes and revoke the tokens it signed.</source>
        <translation>Found on line %1 after %2 candidates. Replace this secret with 32 or more random bytes and revoke the tokens it signed.</translation>
    </message>
    <message>
        <source>Not found: none of the %1 candidates is the secret (%2 s).</source>
        <translation>Not found: none of the %1 candidates is the secret (%2 s).</translation>
    </message>
</context>
<context>
    <name>jwb::ui::DecryptPanel</name>
    <message>
        <source>Decrypted content</source>
        <translation>Decrypted content</translation>
    </message>
    <message>
        <source>The decrypted content appears here.</source>
        <translation>The decrypted content appears here.</translation>
    </message>
    <message>
        <source>Open inner token</source>
        <translation>Open inner token</translation>
    </message>
    <message>
        <source>Open the nested JWT as a new input of the Inspector, to see its claims, findings and signature</source>
        <translation>Open the nested JWT as a new input of the Inspector, to see its claims, findings and signature</translation>
    </message>
    <message>
        <source>Keys from</source>
        <translation>Keys from</translation>
    </message>
    <message>
        <source>Pasted key</source>
        <translation>Pasted key</translation>
    </message>
    <message>
        <source>PBES2 password</source>
        <translation>PBES2 password</translation>
    </message>
    <message>
        <source>Decryption keys from</source>
        <translation>Decryption keys from</translation>
    </message>
    <message>
        <source>Automatic: the source of the Keys page holding the JWE&apos;s key id (kid), else the key pasted below. Or choose a source: its private keys and secrets are tried.</source>
        <translation>Automatic: the source of the Keys page holding the JWE&apos;s key id (kid), else the key pasted below. Or choose a source: its private keys and secrets are tried.</translation>
    </message>
    <message>
        <source>Decrypt</source>
        <translation>Decrypt</translation>
    </message>
    <message>
        <source>Paste a private key (JWK, JWK Set, PEM) or a shared secret</source>
        <translation>Paste a private key (JWK, JWK Set, PEM) or a shared secret</translation>
    </message>
    <message>
        <source>Decryption key</source>
        <translation>Decryption key</translation>
    </message>
    <message>
        <source>For alg PBES2-…: the password</source>
        <translation>For alg PBES2-…: the password</translation>
    </message>
    <message>
        <source>Never logged nor saved with the workspace.</source>
        <translation>Never logged nor saved with the workspace.</translation>
    </message>
    <message>
        <source>Decrypt this JWE with a private key or secret of the key ring, or one pasted here. The token never supplies its own key.</source>
        <translation>Decrypt this JWE with a private key or secret of the key ring, or one pasted here. The token never supplies its own key.</translation>
    </message>
    <message>
        <source>Only an encrypted token (JWE: five segments, or the JSON serialization) can be decrypted. This input is none.</source>
        <translation>Only an encrypted token (JWE: five segments, or the JSON serialization) can be decrypted. This input is none.</translation>
    </message>
    <message>
        <source>the key pasted in Decrypt</source>
        <translation>the key pasted in Decrypt</translation>
    </message>
    <message>
        <source>Choose a key source holding the recipient&apos;s private key, or paste a key, a secret or a password.</source>
        <translation>Choose a key source holding the recipient&apos;s private key, or paste a key, a secret or a password.</translation>
    </message>
    <message>
        <source>Decrypting…</source>
        <translation>Decrypting…</translation>
    </message>
    <message>
        <source>Not decrypted: %1</source>
        <translation>Not decrypted: %1</translation>
    </message>
    <message>
        <source>%1 key “%2”</source>
        <translation>%1 key “%2”</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 from %2</translation>
    </message>
    <message>
        <source>Decrypted with %1 (%2, %3%4).</source>
        <translation>Decrypted with %1 (%2, %3%4).</translation>
    </message>
    <message>
        <source>, compressed</source>
        <translation>, compressed</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Warning:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Error:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Nested JWT header:</source>
        <translation>Nested JWT header:</translation>
    </message>
    <message>
        <source>Nested JWT payload:</source>
        <translation>Nested JWT payload:</translation>
    </message>
    <message>
        <source>Nested JWT: signature and claims valid (%1).</source>
        <translation>Nested JWT: signature and claims valid (%1).</translation>
    </message>
    <message>
        <source>Nested JWT: not verified; no key for its signature (open it to choose one).</source>
        <translation>Nested JWT: not verified; no key for its signature (open it to choose one).</translation>
    </message>
    <message>
        <source>Nested JWT: invalid. %1</source>
        <translation>Nested JWT: invalid. %1</translation>
    </message>
    <message>
        <source>Decrypted: a nested JWT, valid.</source>
        <translation>Decrypted: a nested JWT, valid.</translation>
    </message>
    <message>
        <source>Decrypted: a nested JWT, not valid (see Decrypt).</source>
        <translation>Decrypted: a nested JWT, not valid (see Decrypt).</translation>
    </message>
    <message>
        <source>Decrypted (see Decrypt).</source>
        <translation>Decrypted (see Decrypt).</translation>
    </message>
</context>
<context>
    <name>jwb::ui::DocumentEditCommand</name>
    <message>
        <source>Cannot change the configuration</source>
        <translation>Cannot change the configuration</translation>
    </message>
    <message>
        <source>Edit signer %1</source>
        <translation>Edit signer %1</translation>
    </message>
    <message>
        <source>Edit revoker %1</source>
        <translation>Edit revoker %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>Add signer</source>
        <translation>Add signer</translation>
    </message>
    <message>
        <source>Add revoker</source>
        <translation>Add revoker</translation>
    </message>
    <message>
        <source>Add validator</source>
        <translation>Add validator</translation>
    </message>
    <message>
        <source>Remove signer</source>
        <translation>Remove signer</translation>
    </message>
    <message>
        <source>Remove revoker</source>
        <translation>Remove revoker</translation>
    </message>
    <message>
        <source>Remove validator</source>
        <translation>Remove validator</translation>
    </message>
    <message>
        <source>Add endpoint %1</source>
        <translation>Add endpoint %1</translation>
    </message>
    <message>
        <source>Remove endpoint %1</source>
        <translation>Remove endpoint %1</translation>
    </message>
    <message>
        <source>Suggest from token</source>
        <translation>Suggest from token</translation>
    </message>
    <message>
        <source>Remove byte order mark</source>
        <translation>Remove byte order mark</translation>
    </message>
</context>
<context>
    <name>jwb::ui::EncryptBox</name>
    <message>
        <source>Encrypt (JWE)</source>
        <translation>Encrypt (JWE)</translation>
    </message>
    <message>
        <source>Sign, then encrypt the signed token to a recipient (a nested JWT, cty JWT)</source>
        <translation>Sign, then encrypt the signed token to a recipient (a nested JWT, cty JWT)</translation>
    </message>
    <message>
        <source>Recipient key</source>
        <translation>Recipient key</translation>
    </message>
    <message>
        <source>The key source of the recipient: an RSA, EC or X25519 key (its public half is used) or a shared secret</source>
        <translation>The key source of the recipient: an RSA, EC or X25519 key (its public half is used) or a shared secret</translation>
    </message>
    <message>
        <source>Key management algorithm</source>
        <translation>Key management algorithm</translation>
    </message>
    <message>
        <source>Only what the recipient key can serve is listed; never RSA1_5</source>
        <translation>Only what the recipient key can serve is listed; never RSA1_5</translation>
    </message>
    <message>
        <source>Content encryption</source>
        <translation>Content encryption</translation>
    </message>
    <message>
        <source>Serialization</source>
        <translation>Serialization</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>Compact</translation>
    </message>
    <message>
        <source>JSON, flattened</source>
        <translation>JSON, flattened</translation>
    </message>
    <message>
        <source>JSON, general</source>
        <translation>JSON, general</translation>
    </message>
    <message>
        <source>Compress (zip)</source>
        <translation>Compress (zip)</translation>
    </message>
    <message>
        <source>DEFLATE before encrypting. Compression can leak the content through its length (RFC 8725 section 3.6).</source>
        <translation>DEFLATE before encrypting. Compression can leak the content through its length (RFC 8725 section 3.6).</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Recipient:</translation>
    </message>
    <message>
        <source>alg / enc:</source>
        <translation>alg / enc:</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>No key in the workspace can receive a JWE: add the recipient&apos;s public key on the Keys page.</source>
        <translation>No key in the workspace can receive a JWE: add the recipient&apos;s public key on the Keys page.</translation>
    </message>
    <message>
        <source>Encrypt: choose a recipient key that can receive a JWE</source>
        <translation>Encrypt: choose a recipient key that can receive a JWE</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, %2 to %3</translation>
    </message>
</context>
<context>
    <name>jwb::ui::EndpointMatrix</name>
    <message>
        <source>Paste a token to try it on every endpoint</source>
        <translation>Paste a token to try it on every endpoint</translation>
    </message>
    <message>
        <source>Sent to each endpoint where its config reads tokens (auth_header_name with &quot;Bearer &quot;, or cookie_key)</source>
        <translation>Sent to each endpoint where its config reads tokens (auth_header_name with &quot;Bearer &quot;, or cookie_key)</translation>
    </message>
    <message>
        <source>Token for all endpoints</source>
        <translation>Token for all endpoints</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Simulate every endpoint again</source>
        <translation>Simulate every endpoint again</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Double-click an endpoint to open it in the simulator</source>
        <translation>Double-click an endpoint to open it in the simulator</translation>
    </message>
    <message>
        <source>Status per endpoint</source>
        <translation>Status per endpoint</translation>
    </message>
    <message>
        <source>Open a krakend.json to see every endpoint&apos;s answer to one token</source>
        <translation>Open a krakend.json to see every endpoint&apos;s answer to one token</translation>
    </message>
    <message>
        <source>This config has no endpoints</source>
        <translation>This config has no endpoints</translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s): %1. Double-click one to open it in the simulator.</source>
        <translation>
            <numerusform>%n endpoint: %1. Double-click one to open it in the simulator.</numerusform>
            <numerusform>%n endpoints: %1. Double-click one to open it in the simulator.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not simulated: its keys come from jwk_url %1, and a run that starts by itself makes no network request. Run downloads them.</source>
        <translation>Not simulated: its keys come from jwk_url %1, and a run that starts by itself makes no network request. Run downloads them.</translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s) not simulated (Run downloads their keys)</source>
        <translation>
            <numerusform>%n endpoint not simulated (Run downloads their keys)</numerusform>
            <numerusform>%n endpoints not simulated (Run downloads their keys)</numerusform>
        </translation>
    </message>
    <message>
        <source>KrakenD would not start</source>
        <translation>KrakenD would not start</translation>
    </message>
    <message>
        <source>Where keys come from. Automatic: for each endpoint, what Simulate uses for it (its pinned choice, else the key ring source holding the token&apos;s key id, else the config&apos;s own keys). Choosing an entry pins it for every endpoint</source>
        <translation>Where keys come from. Automatic: for each endpoint, what Simulate uses for it (its pinned choice, else the key ring source holding the token&apos;s key id, else the config&apos;s own keys). Choosing an entry pins it for every endpoint</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Waiting for the keys of key ring source “%1”</source>
        <translation>Waiting for the keys of key ring source “%1”</translation>
    </message>
    <message>
        <source>Not simulated: key ring source “%1” has no keys (%2)</source>
        <translation>Not simulated: key ring source “%1” has no keys (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s) without keys (see Keys)</source>
        <translation>
            <numerusform>%n endpoint without keys (see Keys)</numerusform>
            <numerusform>%n endpoints without keys (see Keys)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwb::ui::EndpointMatrixModel</name>
    <message>
        <source>%1 (no validator)</source>
        <translation>%1 (no validator)</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>Simulating…</translation>
    </message>
    <message>
        <source>Double-click to open this endpoint in the simulator</source>
        <translation>Double-click to open this endpoint in the simulator</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stopping check</source>
        <translation>Stopping check</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>jwb::ui::EndpointModel</name>
    <message>
        <source>(no path)</source>
        <translation>(no path)</translation>
    </message>
    <message>
        <source>endpoints[%1]: %2 %3</source>
        <translation>endpoints[%1]: %2 %3</translation>
    </message>
    <message>
        <source>Has an auth/validator block (%1)</source>
        <translation>Has an auth/validator block (%1)</translation>
    </message>
    <message>
        <source>No auth/validator: KrakenD lets every request through</source>
        <translation>No auth/validator: KrakenD lets every request through</translation>
    </message>
    <message>
        <source>Has an auth/signer block</source>
        <translation>Has an auth/signer block</translation>
    </message>
    <message>
        <source>No auth/signer</source>
        <translation>No auth/signer</translation>
    </message>
    <message>
        <source>Not simulated yet</source>
        <translation>Not simulated yet</translation>
    </message>
    <message>
        <source>Last simulation: HTTP %1 %2</source>
        <translation>Last simulation: HTTP %1 %2</translation>
    </message>
    <message>
        <source>Last simulation: %1</source>
        <translation>Last simulation: %1</translation>
    </message>
</context>
<context>
    <name>jwb::ui::FetchPrompt</name>
    <message numerus="yes">
        <source>This workspace lists %n remote key source(s). Opening it has not contacted them: their keys are fetched only if you allow it.</source>
        <translation>
            <numerusform>This workspace lists %n remote key source. Opening it has not contacted them: their keys are fetched only if you allow it.</numerusform>
            <numerusform>This workspace lists %n remote key sources. Opening it has not contacted them: their keys are fetched only if you allow it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hosts that would be contacted:</source>
        <translation>Hosts that would be contacted:</translation>
    </message>
    <message>
        <source>These TLS settings come from the file and weaken or replace certificate checking. “Fetch now” accepts them:</source>
        <translation>These TLS settings come from the file and weaken or replace certificate checking. “Fetch now” accepts them:</translation>
    </message>
    <message>
        <source>%1: insecure: certificates are not checked and plain http is allowed</source>
        <translation>%1: insecure: certificates are not checked and plain http is allowed</translation>
    </message>
    <message numerus="yes">
        <source>%1: trusts %n extra CA certificate(s) from the file: %2</source>
        <translation>
            <numerusform>%1: trusts %n extra CA certificate from the file: %2</numerusform>
            <numerusform>%1: trusts %n extra CA certificates from the file: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>“Not now” keeps them on the Keys page, not fetched; Refresh there fetches one later.</source>
        <translation>“Not now” keeps them on the Keys page, not fetched; Refresh there fetches one later.</translation>
    </message>
    <message>
        <source>Fetch keys from the network?</source>
        <translation>Fetch keys from the network?</translation>
    </message>
    <message>
        <source>Fetch now</source>
        <translation>Fetch now</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>jwb::ui::FindingsModel</name>
    <message>
        <source>%1

About: %2</source>
        <translation>%1

About: %2</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>jwb::ui::GatewayPage</name>
    <message>
        <source>Validator</source>
        <translation>Validator</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Lint</source>
        <translation>Lint</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Start a new krakend.json</source>
        <translation>Start a new krakend.json</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Open a krakend.json (it is not changed until you save)</source>
        <translation>Open a krakend.json (it is not changed until you save)</translation>
    </message>
    <message>
        <source>Open KrakenD configuration</source>
        <translation>Open KrakenD configuration</translation>
    </message>
    <message>
        <source>KrakenD configuration (*.json);;All files (*)</source>
        <translation>KrakenD configuration (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save atomically; the first save keeps the original as &lt;file&gt;.bak</source>
        <translation>Save atomically; the first save keeps the original as &lt;file&gt;.bak</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>Save the configuration under another name</source>
        <translation>Save the configuration under another name</translation>
    </message>
    <message>
        <source>Save KrakenD configuration</source>
        <translation>Save KrakenD configuration</translation>
    </message>
    <message>
        <source>KrakenD configuration (*.json)</source>
        <translation>KrakenD configuration (*.json)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>Undo the last edit</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nothing to redo</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <source>Target KrakenD</source>
        <translation>Target KrakenD</translation>
    </message>
    <message>
        <source>The KrakenD version the config is for: options that appeared later are flagged</source>
        <translation>The KrakenD version the config is for: options that appeared later are flagged</translation>
    </message>
    <message>
        <source>Target KrakenD version</source>
        <translation>Target KrakenD version</translation>
    </message>
    <message>
        <source>Search path or method</source>
        <translation>Search path or method</translation>
    </message>
    <message>
        <source>Shows the endpoints whose path or method contains this text</source>
        <translation>Shows the endpoints whose path or method contains this text</translation>
    </message>
    <message>
        <source>Search endpoints</source>
        <translation>Search endpoints</translation>
    </message>
    <message>
        <source>All endpoints</source>
        <translation>All endpoints</translation>
    </message>
    <message>
        <source>With validator</source>
        <translation>With validator</translation>
    </message>
    <message>
        <source>Without validator</source>
        <translation>Without validator</translation>
    </message>
    <message>
        <source>With signer</source>
        <translation>With signer</translation>
    </message>
    <message>
        <source>Which endpoints to list</source>
        <translation>Which endpoints to list</translation>
    </message>
    <message>
        <source>Endpoint filter</source>
        <translation>Endpoint filter</translation>
    </message>
    <message>
        <source>The endpoints of the configuration; select one to edit its JWT blocks</source>
        <translation>The endpoints of the configuration; select one to edit its JWT blocks</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Add endpoint…</source>
        <translation>Add endpoint…</translation>
    </message>
    <message>
        <source>Append an endpoint (path, method, backend) to the configuration</source>
        <translation>Append an endpoint (path, method, backend) to the configuration</translation>
    </message>
    <message>
        <source>Remove endpoint</source>
        <translation>Remove endpoint</translation>
    </message>
    <message>
        <source>Remove the selected endpoint from the configuration</source>
        <translation>Remove the selected endpoint from the configuration</translation>
    </message>
    <message>
        <source>Suggest from token…</source>
        <translation>Suggest from token…</translation>
    </message>
    <message>
        <source>Fill alg, issuer, audience, JWK URL, roles_key and scopes_key from a token and its issuer</source>
        <translation>Fill alg, issuer, audience, JWK URL, roles_key and scopes_key from a token and its issuer</translation>
    </message>
    <message>
        <source>Service level (whole file)</source>
        <translation>Service level (whole file)</translation>
    </message>
    <message>
        <source>Add revoker</source>
        <translation>Add revoker</translation>
    </message>
    <message>
        <source>Add a service-level auth/revoker (bloom filter of revoked tokens)</source>
        <translation>Add a service-level auth/revoker (bloom filter of revoked tokens)</translation>
    </message>
    <message>
        <source>Remove revoker</source>
        <translation>Remove revoker</translation>
    </message>
    <message>
        <source>Remove the service-level auth/revoker block</source>
        <translation>Remove the service-level auth/revoker block</translation>
    </message>
    <message>
        <source>Validator block</source>
        <translation>Validator block</translation>
    </message>
    <message>
        <source>Signer block</source>
        <translation>Signer block</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Whole file</source>
        <translation>Whole file</translation>
    </message>
    <message>
        <source>What to show: the current endpoint&apos;s block, the endpoint, or the file</source>
        <translation>What to show: the current endpoint&apos;s block, the endpoint, or the file</translation>
    </message>
    <message>
        <source>Export scope</source>
        <translation>Export scope</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Changes against the file on disk</source>
        <translation>Changes against the file on disk</translation>
    </message>
    <message>
        <source>Preview the JSON, or compare the edited file with the saved one</source>
        <translation>Preview the JSON, or compare the edited file with the saved one</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Export view</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the shown JSON to the clipboard</source>
        <translation>Copy the shown JSON to the clipboard</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Whole file: save the configuration (atomic, with .bak). A block or an endpoint: write it to a file of your choice</source>
        <translation>Whole file: save the configuration (atomic, with .bak). A block or an endpoint: write it to a file of your choice</translation>
    </message>
    <message>
        <source>Exported JSON</source>
        <translation>Exported JSON</translation>
    </message>
    <message>
        <source>Every finding of the file; double-click one to open its endpoint</source>
        <translation>Every finding of the file; double-click one to open its endpoint</translation>
    </message>
    <message>
        <source>Lint findings</source>
        <translation>Lint findings</translation>
    </message>
    <message>
        <source>Select a finding to read it in full; double-click opens its endpoint.</source>
        <translation>Select a finding to read it in full; double-click opens its endpoint.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: line %2, column %3.

%4</source>
        <translation>%1 is not valid JSON: line %2, column %3.

%4</translation>
    </message>
    <message>
        <source>Cannot open the KrakenD configuration</source>
        <translation>Cannot open the KrakenD configuration</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>Could not open %1</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 (%n endpoint(s))</source>
        <translation>
            <numerusform>Opened %1 (%n endpoint)</numerusform>
            <numerusform>Opened %1 (%n endpoints)</numerusform>
        </translation>
    </message>
    <message>
        <source>This config uses flexible-configuration templates: it is read-only here</source>
        <translation>This config uses flexible-configuration templates: it is read-only here</translation>
    </message>
    <message>
        <source>New configuration</source>
        <translation>New configuration</translation>
    </message>
    <message>
        <source>Cannot save the KrakenD configuration</source>
        <translation>Cannot save the KrakenD configuration</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>The new configuration</source>
        <translation>The new configuration</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>Cannot restore the unsaved configuration</source>
        <translation>Cannot restore the unsaved configuration</translation>
    </message>
    <message>
        <source>The autosaved text of %1 is not valid: %2</source>
        <translation>The autosaved text of %1 is not valid: %2</translation>
    </message>
    <message>
        <source>Restored unsaved changes of %1</source>
        <translation>Restored unsaved changes of %1</translation>
    </message>
    <message>
        <source>Restored an unsaved configuration</source>
        <translation>Restored an unsaved configuration</translation>
    </message>
    <message>
        <source>Cannot add the endpoint</source>
        <translation>Cannot add the endpoint</translation>
    </message>
    <message>
        <source>Cannot suggest a validator</source>
        <translation>Cannot suggest a validator</translation>
    </message>
    <message>
        <source>The text is not a JWT whose header can be read.</source>
        <translation>The text is not a JWT whose header can be read.</translation>
    </message>
    <message>
        <source>%1, %2, %3.</source>
        <extracomment>The three counts of the lint summary, e.g. &quot;1 error, 2 warnings, 0 notes&quot;.</extracomment>
        <translation>%1, %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 krakend check --lint or KrakenD itself would fail on the errors.</source>
        <translation>%1 krakend check --lint or KrakenD itself would fail on the errors.</translation>
    </message>
    <message>
        <source>Lint (%1)</source>
        <translation>Lint (%1)</translation>
    </message>
    <message>
        <source>No endpoints yet. “Add endpoint…” creates one.</source>
        <translation>No endpoints yet. “Add endpoint…” creates one.</translation>
    </message>
    <message>
        <source>Revoked tokens are rejected with 401 by every endpoint.</source>
        <translation>Revoked tokens are rejected with 401 by every endpoint.</translation>
    </message>
    <message>
        <source>No auth/revoker: tokens cannot be revoked before they expire.</source>
        <translation>No auth/revoker: tokens cannot be revoked before they expire.</translation>
    </message>
    <message>
        <source>Select an endpoint to see its %1 block.</source>
        <translation>Select an endpoint to see its %1 block.</translation>
    </message>
    <message>
        <source>This endpoint has no %1 block.</source>
        <translation>This endpoint has no %1 block.</translation>
    </message>
    <message>
        <source>Export check: %1</source>
        <translation>Export check: %1</translation>
    </message>
    <message>
        <source>The exporter would adjust: %1</source>
        <translation>The exporter would adjust: %1</translation>
    </message>
    <message>
        <source>Select an endpoint to see it.</source>
        <translation>Select an endpoint to see it.</translation>
    </message>
    <message>
        <source>No changes against the file on disk.</source>
        <translation>No changes against the file on disk.</translation>
    </message>
    <message>
        <source>Untitled: every line is new until the configuration is saved.</source>
        <translation>Untitled: every line is new until the configuration is saved.</translation>
    </message>
    <message>
        <source>No unsaved changes: the file on disk has the same text.</source>
        <translation>No unsaved changes: the file on disk has the same text.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added or removed against %1 on disk.</source>
        <translation>
            <numerusform>%n line added or removed against %1 on disk.</numerusform>
            <numerusform>%n lines added or removed against %1 on disk.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied to the clipboard</source>
        <translation>Copied to the clipboard</translation>
    </message>
    <message>
        <source>Save JSON</source>
        <translation>Save JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot save the JSON</source>
        <translation>Cannot save the JSON</translation>
    </message>
    <message>
        <source>Untitled configuration</source>
        <translation>Untitled configuration</translation>
    </message>
    <message>
        <source>%1  (templates: read-only)</source>
        <translation>%1  (templates: read-only)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>The workspace&apos;s KrakenD config %1 no longer exists</source>
        <translation>The workspace&apos;s KrakenD config %1 no longer exists</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Add endpoint</translation>
    </message>
    <message>
        <source>The endpoint path, starting with /; {placeholders} allowed</source>
        <translation>The endpoint path, starting with /; {placeholders} allowed</translation>
    </message>
    <message>
        <source>Endpoint path</source>
        <translation>Endpoint path</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>HTTP method</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>The backend URL: host and url_pattern</source>
        <translation>The backend URL: host and url_pattern</translation>
    </message>
    <message>
        <source>Backend URL</source>
        <translation>Backend URL</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Suggest a validator from a token</source>
        <translation>Suggest a validator from a token</translation>
    </message>
    <message>
        <source>Paste a token the endpoint should accept. Its header and claims give alg, issuer and audience; an issuer from the key ring adds its jwks_uri. Applying is one step you can undo.</source>
        <translation>Paste a token the endpoint should accept. Its header and claims give alg, issuer and audience; an issuer from the key ring adds its jwks_uri. Applying is one step you can undo.</translation>
    </message>
    <message>
        <source>A JWT (compact form) the endpoint should accept; it is not stored</source>
        <translation>A JWT (compact form) the endpoint should accept; it is not stored</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>An issuer source of the key ring whose discovery document gives jwks_uri</source>
        <translation>An issuer source of the key ring whose discovery document gives jwks_uri</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Claim paths of the token that could hold roles</source>
        <translation>Claim paths of the token that could hold roles</translation>
    </message>
    <message>
        <source>Claim paths of the token that could hold scopes</source>
        <translation>Claim paths of the token that could hold scopes</translation>
    </message>
    <message>
        <source>Issuer (key ring)</source>
        <translation>Issuer (key ring)</translation>
    </message>
    <message>
        <source>Fill the endpoint&apos;s validator with these values (one undoable step)</source>
        <translation>Fill the endpoint&apos;s validator with these values (one undoable step)</translation>
    </message>
    <message>
        <source>Not a JWT whose header can be read.</source>
        <translation>Not a JWT whose header can be read.</translation>
    </message>
    <message>
        <source>(leave as is)</source>
        <translation>(leave as is)</translation>
    </message>
    <message>
        <source>%1 — %2 (nested)</source>
        <translation>%1 — %2 (nested)</translation>
    </message>
    <message>
        <source>The token reveals nothing to fill.</source>
        <translation>The token reveals nothing to fill.</translation>
    </message>
    <message>
        <source>Will set:
%1</source>
        <translation>Will set:
%1</translation>
    </message>
    <message>
        <source>Validator filled from the token</source>
        <translation>Validator filled from the token</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n lint error(s) in the changed blocks</source>
        <translation>
            <numerusform>Not saved: %n lint error in the changed blocks</numerusform>
            <numerusform>Not saved: %n lint errors in the changed blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n lint error(s))</source>
        <translation>
            <numerusform>Saved %1 (%n lint error)</numerusform>
            <numerusform>Saved %1 (%n lint errors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The blocks you changed have %n lint error(s): KrakenD (or krakend check --lint) would fail on them.</source>
        <translation>
            <numerusform>The blocks you changed have %n lint error: KrakenD (or krakend check --lint) would fail on them.</numerusform>
            <numerusform>The blocks you changed have %n lint errors: KrakenD (or krakend check --lint) would fail on them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file has %n other lint error(s) in blocks you did not change.</source>
        <translation>
            <numerusform>The file has %n other lint error in blocks you did not change.</numerusform>
            <numerusform>The file has %n other lint errors in blocks you did not change.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not exist yet: every line below is new.</source>
        <translation>%1 does not exist yet: every line below is new.</translation>
    </message>
    <message>
        <source>What the save changes in %1 on disk:</source>
        <translation>What the save changes in %1 on disk:</translation>
    </message>
    <message>
        <source>Save with lint errors?</source>
        <translation>Save with lint errors?</translation>
    </message>
    <message>
        <source>Save with errors</source>
        <translation>Save with errors</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more error(s) (Lint tab)</source>
        <translation>
            <numerusform>… and %n more error (Lint tab)</numerusform>
            <numerusform>… and %n more errors (Lint tab)</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove byte order mark</source>
        <translation>Remove byte order mark</translation>
    </message>
    <message>
        <source>Remove the three bytes EF BB BF at the start of the file (undoable; saved with the file)</source>
        <translation>Remove the three bytes EF BB BF at the start of the file (undoable; saved with the file)</translation>
    </message>
    <message>
        <source>%1 starts with a byte order mark: KrakenD would not start with it</source>
        <translation>%1 starts with a byte order mark: KrakenD would not start with it</translation>
    </message>
    <message>
        <source>This file starts with a UTF-8 byte order mark: KrakenD would not start, because Go&apos;s JSON parser refuses it (“invalid character &apos;ï&apos; looking for beginning of value”).</source>
        <translation>This file starts with a UTF-8 byte order mark: KrakenD would not start, because Go&apos;s JSON parser refuses it (“invalid character &apos;ï&apos; looking for beginning of value”).</translation>
    </message>
    <message>
        <source>No findings: the JWT blocks pass the v%1 schema and show none of the known run-time traps.</source>
        <translation>No findings: the JWT blocks pass the v%1 schema and show none of the known run-time traps.</translation>
    </message>
    <message>
        <source>Stop opening the file; the document shown stays as it is</source>
        <translation>Stop opening the file; the document shown stays as it is</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>Opening cancelled: the configuration shown is unchanged</source>
        <translation>Opening cancelled: the configuration shown is unchanged</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n endpoint(s)…</source>
        <translation>
            <numerusform>Checking %n endpoint…</numerusform>
            <numerusform>Checking %n endpoints…</numerusform>
        </translation>
    </message>
    <message>
        <source>Lint (…)</source>
        <translation>Lint (…)</translation>
    </message>
</context>
<context>
    <name>jwb::ui::InspectorWidget</name>
    <message numerus="yes">
        <source>… %n more byte(s)</source>
        <translation>
            <numerusform>… %n more byte</numerusform>
            <numerusform>… %n more bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>Decoded</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Encoded token</source>
        <translation>Encoded token</translation>
    </message>
    <message>
        <source>Tokens opened in this window</source>
        <translation>Tokens opened in this window</translation>
    </message>
    <message>
        <source>Evaluate at</source>
        <translation>Evaluate at</translation>
    </message>
    <message>
        <source>Now (live)</source>
        <translation>Now (live)</translation>
    </message>
    <message>
        <source>A chosen time</source>
        <translation>A chosen time</translation>
    </message>
    <message>
        <source>The instant exp, nbf and iat are judged at, here and in Verify. &quot;Now&quot; follows the clock; choose a time to ask &quot;was this token valid when the request failed?&quot; or &quot;will it still be valid tomorrow?&quot;</source>
        <translation>The instant exp, nbf and iat are judged at, here and in Verify. &quot;Now&quot; follows the clock; choose a time to ask &quot;was this token valid when the request failed?&quot; or &quot;will it still be valid tomorrow?&quot;</translation>
    </message>
    <message>
        <source>Evaluation time (local)</source>
        <translation>Evaluation time (local)</translation>
    </message>
    <message>
        <source>Decoded header</source>
        <translation>Decoded header</translation>
    </message>
    <message>
        <source>Decoded payload</source>
        <translation>Decoded payload</translation>
    </message>
    <message>
        <source>Header and payload as a tree</source>
        <translation>Header and payload as a tree</translation>
    </message>
    <message>
        <source>Show the header and payload as highlighted JSON, in the order they were written</source>
        <translation>Show the header and payload as highlighted JSON, in the order they were written</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Tree</translation>
    </message>
    <message>
        <source>Show the header and payload as a tree with types; expand nested objects and arrays</source>
        <translation>Show the header and payload as a tree with types; expand nested objects and arrays</translation>
    </message>
    <message>
        <source>Header parameters</source>
        <translation>Header parameters</translation>
    </message>
    <message>
        <source>Payload claims</source>
        <translation>Payload claims</translation>
    </message>
    <message>
        <source>Signature details</source>
        <translation>Signature details</translation>
    </message>
    <message>
        <source>Findings (%1)</source>
        <translation>Findings (%1)</translation>
    </message>
    <message>
        <source>The decoded header appears here.</source>
        <translation>The decoded header appears here.</translation>
    </message>
    <message>
        <source>The header could not be decoded; see the message above.</source>
        <translation>The header could not be decoded; see the message above.</translation>
    </message>
    <message>
        <source>The decoded payload (the claims) appears here.</source>
        <translation>The decoded payload (the claims) appears here.</translation>
    </message>
    <message numerus="yes">
        <source>This is an encrypted token (JWE). Its payload is %n byte(s) of ciphertext and can only be read with the recipient&apos;s private key.</source>
        <translation>
            <numerusform>This is an encrypted token (JWE). Its payload is %n byte of ciphertext and can only be read with the recipient&apos;s private key.</numerusform>
            <numerusform>This is an encrypted token (JWE). Its payload is %n bytes of ciphertext and can only be read with the recipient&apos;s private key.</numerusform>
        </translation>
    </message>
    <message>
        <source>The payload is empty (detached content).</source>
        <translation>The payload is empty (detached content).</translation>
    </message>
    <message>
        <source>The payload could not be decoded; see the message above.</source>
        <translation>The payload could not be decoded; see the message above.</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>The signature of the token appears here.</source>
        <translation>The signature of the token appears here.</translation>
    </message>
    <message numerus="yes">
        <source>Encrypted token (JWE), %n part(s)</source>
        <translation>
            <numerusform>Encrypted token (JWE), %n part</numerusform>
            <numerusform>Encrypted token (JWE), %n parts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>not decoded</source>
        <translation>not decoded</translation>
    </message>
    <message>
        <source>Algorithm    %1 (as the header claims; the key decides what is accepted)</source>
        <translation>Algorithm    %1 (as the header claims; the key decides what is accepted)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Signature    not decoded</source>
        <translation>Signature    not decoded</translation>
    </message>
    <message>
        <source>Signature    empty</source>
        <translation>Signature    empty</translation>
    </message>
    <message numerus="yes">
        <source>Signature    %n byte(s) (%1 bits)</source>
        <translation>
            <numerusform>Signature    %n byte (%1 bits)</numerusform>
            <numerusform>Signature    %n bytes (%1 bits)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed input %n character(s) (header.payload, exactly as written)</source>
        <translation>
            <numerusform>Signed input %n character (header.payload, exactly as written)</numerusform>
            <numerusform>Signed input %n characters (header.payload, exactly as written)</numerusform>
        </translation>
    </message>
    <message>
        <source>Verified     no: decoding does not check the signature</source>
        <translation>Verified     no: decoding does not check the signature</translation>
    </message>
    <message>
        <source>No signature segment was found.</source>
        <translation>No signature segment was found.</translation>
    </message>
    <message>
        <source>%1 &amp;nbsp;characters</source>
        <extracomment>%1: each segment&apos;s name and length in characters, e.g. &quot;header 36 · payload 120 · signature 342&quot;.</extracomment>
        <translation>%1 &amp;nbsp;characters</translation>
    </message>
    <message>
        <source>found in: %1</source>
        <translation>found in: %1</translation>
    </message>
    <message>
        <source>line breaks and spaces inside the token were ignored</source>
        <translation>line breaks and spaces inside the token were ignored</translation>
    </message>
    <message>
        <source>algorithm and token type</source>
        <translation>algorithm and token type</translation>
    </message>
    <message>
        <source>claims</source>
        <translation>claims</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>encrypted</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s), not a JSON object</source>
        <translation>
            <numerusform>%n byte, not a JSON object</numerusform>
            <numerusform>%n bytes, not a JSON object</numerusform>
        </translation>
    </message>
    <message>
        <source>HEADER</source>
        <translation>HEADER</translation>
    </message>
    <message>
        <source>PAYLOAD</source>
        <translation>PAYLOAD</translation>
    </message>
    <message>
        <source>Paste a token to decode it, drop a file here, or open one with File › Open.</source>
        <translation>Paste a token to decode it, drop a file here, or open one with File › Open.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more problem(s); see Findings)</source>
        <translation>
            <numerusform>%1 (and %n more problem; see Findings)</numerusform>
            <numerusform>%1 (and %n more problems; see Findings)</numerusform>
        </translation>
    </message>
    <message>
        <source>JWE header</source>
        <translation>JWE header</translation>
    </message>
    <message>
        <source>Decoded %1</source>
        <translation>Decoded %1</translation>
    </message>
    <message>
        <source>Decoded %1 (%2)</source>
        <translation>Decoded %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no findings.</source>
        <translation>%1: no findings.</translation>
    </message>
    <message>
        <source>%1: %2 (see Findings).</source>
        <translation>%1: %2 (see Findings).</translation>
    </message>
    <message>
        <source>The signature and the rules check out (see Verify).</source>
        <translation>The signature and the rules check out (see Verify).</translation>
    </message>
    <message>
        <source>Verification FAILED (see Verify).</source>
        <translation>Verification FAILED (see Verify).</translation>
    </message>
    <message>
        <source>The verification key could not be read (see Verify).</source>
        <translation>The verification key could not be read (see Verify).</translation>
    </message>
    <message>
        <source>The signature has not been verified.</source>
        <translation>The signature has not been verified.</translation>
    </message>
    <message>
        <source>As %1, KrakenD answers %2 (see Verify).</source>
        <translation>As %1, KrakenD answers %2 (see Verify).</translation>
    </message>
    <message>
        <source>As %1, KrakenD answers %2 at %3 (see Verify).</source>
        <translation>As %1, KrakenD answers %2 at %3 (see Verify).</translation>
    </message>
    <message>
        <source>Verifying: the keys are being fetched.</source>
        <translation>Verifying: the keys are being fetched.</translation>
    </message>
    <message>
        <source>Search a Wordlist for the Secret…</source>
        <translation>Search a Wordlist for the Secret…</translation>
    </message>
    <message>
        <source>Try every line of a wordlist file as this token&apos;s HMAC secret, on this machine</source>
        <translation>Try every line of a wordlist file as this token&apos;s HMAC secret, on this machine</translation>
    </message>
    <message>
        <source>Local time at which the token is evaluated: type it, or paste an RFC 3339 time or Unix seconds or milliseconds</source>
        <translation>Local time at which the token is evaluated: type it, or paste an RFC 3339 time or Unix seconds or milliseconds</translation>
    </message>
    <message>
        <source>kid %1</source>
        <translation>kid %1</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>Token %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more segment(s)</source>
        <translation>
            <numerusform>%n more segment</numerusform>
            <numerusform>%n more segments</numerusform>
        </translation>
    </message>
    <message>
        <source>Decrypt</source>
        <translation>Decrypt</translation>
    </message>
    <message>
        <source>Inner token of %1</source>
        <translation>Inner token of %1</translation>
    </message>
    <message>
        <source>The payload is encrypted: the Decrypt tab decrypts it with a key.</source>
        <translation>The payload is encrypted: the Decrypt tab decrypts it with a key.</translation>
    </message>
</context>
<context>
    <name>jwb::ui::JsonTreeModel</name>
    <message>
        <source>object</source>
        <translation>object</translation>
    </message>
    <message>
        <source>array</source>
        <translation>array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>string</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>boolean</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message numerus="yes">
        <source>{%n member(s)}</source>
        <translation>
            <numerusform>{%n member}</numerusform>
            <numerusform>{%n members}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n element(s)]</source>
        <translation>
            <numerusform>[%n element]</numerusform>
            <numerusform>[%n elements]</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>jwb::ui::JwkCacheTimelineView</name>
    <message>
        <source>JWK cache over time</source>
        <translation>JWK cache over time</translation>
    </message>
    <message>
        <source>cache on: a warm-up download at start-up, each key kept %1 after its download</source>
        <translation>cache on: a warm-up download at start-up, each key kept %1 after its download</translation>
    </message>
    <message>
        <source>cache off: every key lookup downloads the key set (two per accepted request)</source>
        <translation>cache off: every key lookup downloads the key set (two per accepted request)</translation>
    </message>
    <message>
        <source>shared cache (service level): %1, keyed by kid only</source>
        <translation>shared cache (service level): %1, keyed by kid only</translation>
    </message>
    <message>
        <source>no shared cache (no service-level auth/validator)</source>
        <translation>no shared cache (no service-level auth/validator)</translation>
    </message>
    <message>
        <source>failed_jwk_key_cooldown: a kid that was not found fails for %1 without a download</source>
        <translation>failed_jwk_key_cooldown: a kid that was not found fails for %1 without a download</translation>
    </message>
    <message>
        <source>no failed_jwk_key_cooldown: an unknown kid is looked up again at once</source>
        <translation>no failed_jwk_key_cooldown: an unknown kid is looked up again at once</translation>
    </message>
    <message>
        <source>When the identity provider publishes the new key (kid &quot;new&quot;) next to the old one</source>
        <translation>When the identity provider publishes the new key (kid &quot;new&quot;) next to the old one</translation>
    </message>
    <message>
        <source>From when tokens are signed with the new key (before the publication: the identity provider signs before it publishes)</source>
        <translation>From when tokens are signed with the new key (before the publication: the identity provider signs before it publishes)</translation>
    </message>
    <message>
        <source>One request every so often</source>
        <translation>One request every so often</translation>
    </message>
    <message>
        <source>New key published at</source>
        <translation>New key published at</translation>
    </message>
    <message>
        <source>Tokens use the new key from</source>
        <translation>Tokens use the new key from</translation>
    </message>
    <message>
        <source>A request every</source>
        <translation>A request every</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>kid</source>
        <translation>kid</translation>
    </message>
    <message>
        <source>What KrakenD does</source>
        <translation>What KrakenD does</translation>
    </message>
    <message>
        <source>download (%1)</source>
        <translation>download (%1)</translation>
    </message>
    <message>
        <source>the set holds: %1</source>
        <translation>the set holds: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>request: key found</source>
        <translation>request: key found</translation>
    </message>
    <message>
        <source>request: 401</source>
        <translation>request: 401</translation>
    </message>
    <message numerus="yes">
        <source>The new kid is published at %1 and first accepted at %2; %n request(s) with it got 401 after its publication.</source>
        <translation>
            <numerusform>The new kid is published at %1 and first accepted at %2; %n request with it got 401 after its publication.</numerusform>
            <numerusform>The new kid is published at %1 and first accepted at %2; %n requests with it got 401 after its publication.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new kid is published at %1 and never accepted in this timeline (%n request(s) with it got 401 after its publication).</source>
        <translation>
            <numerusform>The new kid is published at %1 and never accepted in this timeline (%n request with it got 401 after its publication).</numerusform>
            <numerusform>The new kid is published at %1 and never accepted in this timeline (%n requests with it got 401 after its publication).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) of the key set.</source>
        <translation>
            <numerusform>%n download of the key set.</numerusform>
            <numerusform>%n downloads of the key set.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwb::ui::KeyChoiceBox</name>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Keys used</source>
        <translation>Keys used</translation>
    </message>
    <message>
        <source>key ring source “%1”</source>
        <translation>key ring source “%1”</translation>
    </message>
    <message>
        <source>the config&apos;s own keys</source>
        <translation>the config&apos;s own keys</translation>
    </message>
    <message>
        <source>the key pasted below</source>
        <translation>the key pasted below</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>chosen</translation>
    </message>
    <message>
        <source>its URL is the config&apos;s jwk_url</source>
        <translation>its URL is the config&apos;s jwk_url</translation>
    </message>
    <message>
        <source>the token&apos;s issuer</source>
        <translation>the token&apos;s issuer</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>holds %1 “%2”</source>
        <translation>holds %1 “%2”</translation>
    </message>
    <message>
        <source>still fetching</source>
        <translation>still fetching</translation>
    </message>
    <message>
        <source>keys from the last successful fetch</source>
        <translation>keys from the last successful fetch</translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation>Keys: %1</translation>
    </message>
    <message>
        <source>Keys: %1 (%2)</source>
        <translation>Keys: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>extra CA from the trust store (%n certificate(s))</source>
        <translation>
            <numerusform>extra CA from the trust store (%n certificate)</numerusform>
            <numerusform>extra CA from the trust store (%n certificates)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pin(s)</source>
        <translation>
            <numerusform>%n pin</numerusform>
            <numerusform>%n pins</numerusform>
        </translation>
    </message>
    <message>
        <source>certificate checks off</source>
        <translation>certificate checks off</translation>
    </message>
    <message>
        <source>plus the config&apos;s own TLS settings</source>
        <translation>plus the config&apos;s own TLS settings</translation>
    </message>
    <message>
        <source>system CAs</source>
        <translation>system CAs</translation>
    </message>
    <message>
        <source>TLS %1: %2</source>
        <translation>TLS %1: %2</translation>
    </message>
    <message>
        <source>Automatic (the source holding the token&apos;s key id)</source>
        <translation>Automatic (the source holding the token&apos;s key id)</translation>
    </message>
    <message>
        <source>Automatic (the source holding the token&apos;s key id, else the config&apos;s own keys)</source>
        <translation>Automatic (the source holding the token&apos;s key id, else the config&apos;s own keys)</translation>
    </message>
    <message>
        <source>%1 (fetching…)</source>
        <translation>%1 (fetching…)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n key(s))</source>
        <translation>
            <numerusform>%1 (%n key)</numerusform>
            <numerusform>%1 (%n keys)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (error)</source>
        <translation>%1 (error)</translation>
    </message>
    <message>
        <source>The config&apos;s own keys (jwk_local_path / jwk_url)</source>
        <translation>The config&apos;s own keys (jwk_local_path / jwk_url)</translation>
    </message>
    <message>
        <source>The key pasted below</source>
        <translation>The key pasted below</translation>
    </message>
</context>
<context>
    <name>jwb::ui::KeyGeneratorDialog</name>
    <message>
        <source>Generate Key</source>
        <translation>Generate Key</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithm</translation>
    </message>
    <message>
        <source>The JWS algorithm the key is for; it decides the key type and curve</source>
        <translation>The JWS algorithm the key is for; it decides the key type and curve</translation>
    </message>
    <message>
        <source>RSA PKCS#1 v1.5</source>
        <translation>RSA PKCS#1 v1.5</translation>
    </message>
    <message>
        <source>RSA-PSS</source>
        <translation>RSA-PSS</translation>
    </message>
    <message>
        <source>EC P-256</source>
        <translation>EC P-256</translation>
    </message>
    <message>
        <source>EC P-384</source>
        <translation>EC P-384</translation>
    </message>
    <message>
        <source>EC P-521</source>
        <translation>EC P-521</translation>
    </message>
    <message>
        <source>Ed25519</source>
        <translation>Ed25519</translation>
    </message>
    <message>
        <source>shared secret</source>
        <translation>shared secret</translation>
    </message>
    <message>
        <source>RSA key size</source>
        <translation>RSA key size</translation>
    </message>
    <message>
        <source>RSA modulus size; 4096 bits can take several seconds to generate</source>
        <translation>RSA modulus size; 4096 bits can take several seconds to generate</translation>
    </message>
    <message>
        <source>%1 bits</source>
        <translation>%1 bits</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Key id</translation>
    </message>
    <message>
        <source>The kid tokens will name in their header to select this key</source>
        <translation>The kid tokens will name in their header to select this key</translation>
    </message>
    <message>
        <source>no kid</source>
        <translation>no kid</translation>
    </message>
    <message>
        <source>kid = RFC 7638 thumbprint</source>
        <translation>kid = RFC 7638 thumbprint</translation>
    </message>
    <message>
        <source>Use the thumbprint as kid</source>
        <translation>Use the thumbprint as kid</translation>
    </message>
    <message>
        <source>Set the kid to the key&apos;s SHA-256 JWK thumbprint, computed after generation</source>
        <translation>Set the kid to the key&apos;s SHA-256 JWK thumbprint, computed after generation</translation>
    </message>
    <message>
        <source>Generated keys are signing keys</source>
        <translation>Generated keys are signing keys</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>Generating</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>Key size</source>
        <translation>Key size</translation>
    </message>
    <message>
        <source>kid</source>
        <translation>kid</translation>
    </message>
    <message>
        <source>use</source>
        <translation>use</translation>
    </message>
    <message>
        <source>%1 key %2</source>
        <translation>%1 key %2</translation>
    </message>
    <message>
        <source>An RSA key pair. KrakenD and most IdPs use 2048 bits; larger keys are slower.</source>
        <translation>An RSA key pair. KrakenD and most IdPs use 2048 bits; larger keys are slower.</translation>
    </message>
    <message>
        <source>An EC key pair on %1.</source>
        <translation>An EC key pair on %1.</translation>
    </message>
    <message>
        <source>A random %1-bit shared secret (an oct JWK). Anyone holding it can sign tokens.</source>
        <translation>A random %1-bit shared secret (an oct JWK). Anyone holding it can sign tokens.</translation>
    </message>
    <message>
        <source>EC secp256k1; not for KrakenD</source>
        <translation>EC secp256k1; not for KrakenD</translation>
    </message>
    <message>
        <source>RFC 9864 name; KrakenD wants EdDSA</source>
        <translation>RFC 9864 name; KrakenD wants EdDSA</translation>
    </message>
    <message>
        <source>not for KrakenD</source>
        <translation>not for KrakenD</translation>
    </message>
    <message>
        <source>An %1 key pair (RFC 8037).</source>
        <translation>An %1 key pair (RFC 8037).</translation>
    </message>
    <message>
        <source>KrakenD does not accept %1: its validator answers 401 to such tokens.</source>
        <translation>KrakenD does not accept %1: its validator answers 401 to such tokens.</translation>
    </message>
    <message>
        <source>%1 (for encryption, ECDH-ES)</source>
        <translation>%1 (for encryption, ECDH-ES)</translation>
    </message>
    <message>
        <source>An encryption key: it can never sign or verify tokens</source>
        <translation>An encryption key: it can never sign or verify tokens</translation>
    </message>
    <message>
        <source>An %1 key pair for encryption (JWE ECDH-ES, RFC 8037): tokens are encrypted to its public key and decrypted with the private key. It cannot sign or verify tokens.</source>
        <translation>An %1 key pair for encryption (JWE ECDH-ES, RFC 8037): tokens are encrypted to its public key and decrypted with the private key. It cannot sign or verify tokens.</translation>
    </message>
</context>
<context>
    <name>jwb::ui::KeySourcesModel</name>
    <message>
        <source>Pasted key</source>
        <translation>Pasted key</translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation>Shared secret</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Key file</translation>
    </message>
    <message>
        <source>JWK Set URL</source>
        <translation>JWK Set URL</translation>
    </message>
    <message>
        <source>Issuer (OpenID discovery)</source>
        <translation>Issuer (OpenID discovery)</translation>
    </message>
    <message>
        <source>Generated key</source>
        <translation>Generated key</translation>
    </message>
    <message>
        <source>fetching: %1</source>
        <translation>fetching: %1</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>starting</translation>
    </message>
    <message>
        <source>not fetched yet</source>
        <translation>not fetched yet</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>not loaded</translation>
    </message>
    <message>
        <source>, %1 skipped</source>
        <translation>, %1 skipped</translation>
    </message>
    <message>
        <source> (last fetch failed: %1)</source>
        <translation> (last fetch failed: %1)</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 s ago</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <source>fetched %1</source>
        <translation>fetched %1</translation>
    </message>
    <message>
        <source>loaded %1</source>
        <translation>loaded %1</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message>
        <source>not fetched: waiting for your permission (Refresh fetches it)</source>
        <translation>not fetched: waiting for your permission (Refresh fetches it)</translation>
    </message>
    <message>
        <source>No key given</source>
        <translation>No key given</translation>
    </message>
    <message>
        <source>“%1” is not a URL</source>
        <translation>“%1” is not a URL</translation>
    </message>
    <message>
        <source>The fetch was cancelled</source>
        <translation>The fetch was cancelled</translation>
    </message>
    <message>
        <source>the secret was not restored: workspace files never hold it, and the system keychain did not provide it. Paste it again.</source>
        <translation>the secret was not restored: workspace files never hold it, and the system keychain did not provide it. Paste it again.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Downloading %1 of %2 bytes</source>
        <translation>Downloading %1 of %2 bytes</translation>
    </message>
    <message>
        <source>Downloading %1 bytes</source>
        <translation>Downloading %1 bytes</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>Error code: %1</translation>
    </message>
</context>
<context>
    <name>jwb::ui::KeysModel</name>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>until</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
Valid from %3 to %4
Serial: %5</source>
        <translation>Subject: %1
Issuer: %2
Valid from %3 to %4
Serial: %5</translation>
    </message>
    <message>
        <source>kid</source>
        <translation>kid</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Curve / size</source>
        <translation>Curve / size</translation>
    </message>
    <message>
        <source>alg</source>
        <translation>alg</translation>
    </message>
    <message>
        <source>use</source>
        <translation>use</translation>
    </message>
    <message>
        <source>Thumbprint (SHA-256)</source>
        <translation>Thumbprint (SHA-256)</translation>
    </message>
    <message>
        <source>x5t</source>
        <translation>x5t</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>RFC 7638 JWK thumbprint: SHA-256 over the key&apos;s required members, base64url</source>
        <translation>RFC 7638 JWK thumbprint: SHA-256 over the key&apos;s required members, base64url</translation>
    </message>
    <message>
        <source>SHA-1 thumbprint of the certificate (as given in x5t, or computed from x5c)</source>
        <translation>SHA-1 thumbprint of the certificate (as given in x5t, or computed from x5c)</translation>
    </message>
    <message>
        <source>Subject and expiry of the key&apos;s certificate (x5c or PEM certificate)</source>
        <translation>Subject and expiry of the key&apos;s certificate (x5c or PEM certificate)</translation>
    </message>
    <message>
        <source>%1 bits</source>
        <translation>%1 bits</translation>
    </message>
    <message>
        <source>(no kid)</source>
        <translation>(no kid)</translation>
    </message>
    <message>
        <source>%1 private</source>
        <translation>%1 private</translation>
    </message>
    <message>
        <source>key_ops: %1</source>
        <translation>key_ops: %1</translation>
    </message>
    <message>
        <source>%1; key_ops: %2</source>
        <translation>%1; key_ops: %2</translation>
    </message>
    <message>
        <source>(key %1)</source>
        <translation>(key %1)</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>This key could not be used: %1</source>
        <translation>This key could not be used: %1</translation>
    </message>
</context>
<context>
    <name>jwb::ui::KeysPage</name>
    <message>
        <source>Paste key or secret…</source>
        <translation>Paste key or secret…</translation>
    </message>
    <message>
        <source>Add a PEM key or certificate, a JWK, a JWK Set or a shared secret from text</source>
        <translation>Add a PEM key or certificate, a JWK, a JWK Set or a shared secret from text</translation>
    </message>
    <message>
        <source>Open key file…</source>
        <translation>Open key file…</translation>
    </message>
    <message>
        <source>Add a key file: PEM, DER, JWK or JWK Set</source>
        <translation>Add a key file: PEM, DER, JWK or JWK Set</translation>
    </message>
    <message>
        <source>JWK Set URL…</source>
        <translation>JWK Set URL…</translation>
    </message>
    <message>
        <source>Fetch a JWK Set from an https URL (KrakenD&apos;s jwk_url)</source>
        <translation>Fetch a JWK Set from an https URL (KrakenD&apos;s jwk_url)</translation>
    </message>
    <message>
        <source>Issuer (OpenID discovery)…</source>
        <translation>Issuer (OpenID discovery)…</translation>
    </message>
    <message>
        <source>Find the JWK Set of an issuer through OpenID Connect discovery</source>
        <translation>Find the JWK Set of an issuer through OpenID Connect discovery</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>Generate…</translation>
    </message>
    <message>
        <source>Generate a new signing key (RSA, EC, Ed25519 or a shared secret)</source>
        <translation>Generate a new signing key (RSA, EC, Ed25519 or a shared secret)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Change the URL and TLS options (CA, pins, insecure, timeout) of the remote source</source>
        <translation>Change the URL and TLS options (CA, pins, insecure, timeout) of the remote source</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Reload the selected source, or fetch it again and show which kids changed</source>
        <translation>Reload the selected source, or fetch it again and show which kids changed</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop the running fetch</source>
        <translation>Stop the running fetch</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected source</source>
        <translation>Remove the selected source</translation>
    </message>
    <message>
        <source>Export JWK…</source>
        <translation>Export JWK…</translation>
    </message>
    <message>
        <source>Save the selected key&apos;s public JWK</source>
        <translation>Save the selected key&apos;s public JWK</translation>
    </message>
    <message>
        <source>Export JWK Set (public)…</source>
        <translation>Export JWK Set (public)…</translation>
    </message>
    <message>
        <source>Save the public keys of this source as a JWK Set</source>
        <translation>Save the public keys of this source as a JWK Set</translation>
    </message>
    <message>
        <source>Export JWK Set with private keys…</source>
        <translation>Export JWK Set with private keys…</translation>
    </message>
    <message>
        <source>Save the keys including private members (asks first)</source>
        <translation>Save the keys including private members (asks first)</translation>
    </message>
    <message>
        <source>Export PEM…</source>
        <translation>Export PEM…</translation>
    </message>
    <message>
        <source>Save the selected key&apos;s public key as PEM (SubjectPublicKeyInfo)</source>
        <translation>Save the selected key&apos;s public key as PEM (SubjectPublicKeyInfo)</translation>
    </message>
    <message>
        <source>Copy JWK</source>
        <translation>Copy JWK</translation>
    </message>
    <message>
        <source>Copy the selected public JWK</source>
        <translation>Copy the selected public JWK</translation>
    </message>
    <message>
        <source>Copy JWK Set</source>
        <translation>Copy JWK Set</translation>
    </message>
    <message>
        <source>Copy the public keys as a JWK Set</source>
        <translation>Copy the public keys as a JWK Set</translation>
    </message>
    <message>
        <source>Copy PEM</source>
        <translation>Copy PEM</translation>
    </message>
    <message>
        <source>Copy the selected public key as PEM</source>
        <translation>Copy the selected public key as PEM</translation>
    </message>
    <message>
        <source>Copy thumbprint</source>
        <translation>Copy thumbprint</translation>
    </message>
    <message>
        <source>Copy the RFC 7638 SHA-256 thumbprint of the selected key</source>
        <translation>Copy the RFC 7638 SHA-256 thumbprint of the selected key</translation>
    </message>
    <message>
        <source>Copy pin</source>
        <translation>Copy pin</translation>
    </message>
    <message>
        <source>Copy the selected certificate&apos;s pin, ready for KrakenD&apos;s jwk_fingerprints</source>
        <translation>Copy the selected certificate&apos;s pin, ready for KrakenD&apos;s jwk_fingerprints</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add key source</source>
        <translation>Add key source</translation>
    </message>
    <message>
        <source>Key sources</source>
        <translation>Key sources</translation>
    </message>
    <message>
        <source>The workspace&apos;s key sources; select one to see its keys</source>
        <translation>The workspace&apos;s key sources; select one to see its keys</translation>
    </message>
    <message>
        <source>No key sources yet.
Use Add to paste a key or secret, open a key file, or fetch a JWK Set URL or an issuer; or Generate a new key.</source>
        <translation>No key sources yet.
Use Add to paste a key or secret, open a key file, or fetch a JWK Set URL or an issuer; or Generate a new key.</translation>
    </message>
    <message>
        <source>Select a key source on the left to see its keys.</source>
        <translation>Select a key source on the left to see its keys.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Save or copy keys as JWK, JWK Set or PEM</source>
        <translation>Save or copy keys as JWK, JWK Set or PEM</translation>
    </message>
    <message>
        <source>Export keys</source>
        <translation>Export keys</translation>
    </message>
    <message>
        <source>Fetch in progress</source>
        <translation>Fetch in progress</translation>
    </message>
    <message>
        <source>Stop the running fetch; the keys of the last good fetch stay</source>
        <translation>Stop the running fetch; the keys of the last good fetch stay</translation>
    </message>
    <message>
        <source>Secret encoding</source>
        <translation>Secret encoding</translation>
    </message>
    <message>
        <source>How the secret is written: the key bytes are the UTF-8 text itself, or the text decoded from base64, base64url or hex</source>
        <translation>How the secret is written: the key bytes are the UTF-8 text itself, or the text decoded from base64, base64url or hex</translation>
    </message>
    <message>
        <source>Secret encoding:</source>
        <translation>Secret encoding:</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>The keys of the selected source; select one to see its JWK, PEM and certificate</source>
        <translation>The keys of the selected source; select one to see its JWK, PEM and certificate</translation>
    </message>
    <message>
        <source>JWK</source>
        <translation>JWK</translation>
    </message>
    <message>
        <source>The selected key as JWK (public members; private members are never shown)</source>
        <translation>The selected key as JWK (public members; private members are never shown)</translation>
    </message>
    <message>
        <source>PEM</source>
        <translation>PEM</translation>
    </message>
    <message>
        <source>The selected key&apos;s public key as PEM (SubjectPublicKeyInfo)</source>
        <translation>The selected key&apos;s public key as PEM (SubjectPublicKeyInfo)</translation>
    </message>
    <message>
        <source>Thumbprints &amp;&amp; certificate</source>
        <translation>Thumbprints &amp;&amp; certificate</translation>
    </message>
    <message>
        <source>Fetch &amp;&amp; TLS</source>
        <translation>Fetch &amp;&amp; TLS</translation>
    </message>
    <message>
        <source>TLS chain</source>
        <translation>TLS chain</translation>
    </message>
    <message>
        <source>The certificates the server presented, leaf first, with the pin KrakenD&apos;s jwk_fingerprints expects</source>
        <translation>The certificates the server presented, leaf first, with the pin KrakenD&apos;s jwk_fingerprints expects</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Fetch findings</source>
        <translation>Fetch findings</translation>
    </message>
    <message>
        <source>What core noticed about the fetched JWK Set (content type, keys KrakenD would reject, issuer mismatch)</source>
        <translation>What core noticed about the fetched JWK Set (content type, keys KrakenD would reject, issuer mismatch)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&lt;b&gt;TLS chain presented&lt;/b&gt;</source>
        <translation>&lt;b&gt;TLS chain presented&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Findings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Findings&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing to add: the text is empty</source>
        <translation>Nothing to add: the text is empty</translation>
    </message>
    <message>
        <source>not a PEM key, JWK or JWK Set</source>
        <translation>not a PEM key, JWK or JWK Set</translation>
    </message>
    <message>
        <source>Add Shared Secret</source>
        <translation>Add Shared Secret</translation>
    </message>
    <message>
        <source>This text is not a key (%1).

Add it as a shared secret for HS256/384/512, read as %2? You can change the encoding afterwards.</source>
        <translation>This text is not a key (%1).

Add it as a shared secret for HS256/384/512, read as %2? You can change the encoding afterwards.</translation>
    </message>
    <message>
        <source>Nothing added</source>
        <translation>Nothing added</translation>
    </message>
    <message>
        <source>Paste Key</source>
        <translation>Paste Key</translation>
    </message>
    <message>
        <source>The text is not a key: %1</source>
        <translation>The text is not a key: %1</translation>
    </message>
    <message>
        <source>Pasted %1</source>
        <translation>Pasted %1</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Added %1</translation>
    </message>
    <message>
        <source>Shared secret %1</source>
        <translation>Shared secret %1</translation>
    </message>
    <message>
        <source>Added a shared secret</source>
        <translation>Added a shared secret</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>Fetching %1</translation>
    </message>
    <message>
        <source>Generate Key</source>
        <translation>Generate Key</translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation>Generated %1</translation>
    </message>
    <message>
        <source>Paste Key or Secret</source>
        <translation>Paste Key or Secret</translation>
    </message>
    <message>
        <source>Key text</source>
        <translation>Key text</translation>
    </message>
    <message>
        <source>A PEM key or certificate, a JWK, a JWK Set, or a shared secret</source>
        <translation>A PEM key or certificate, a JWK, a JWK Set, or a shared secret</translation>
    </message>
    <message>
        <source>Paste a PEM key or certificate, a JWK, a JWK Set, or a shared secret</source>
        <translation>Paste a PEM key or certificate, a JWK, a JWK Set, or a shared secret</translation>
    </message>
    <message>
        <source>Open Key File</source>
        <translation>Open Key File</translation>
    </message>
    <message>
        <source>Keys (*.json *.jwk *.jwks *.pem *.crt *.cer *.key *.der *.pub);;All files (*)</source>
        <translation>Keys (*.json *.jwk *.jwks *.pem *.crt *.cer *.key *.der *.pub);;All files (*)</translation>
    </message>
    <message>
        <source>Add Issuer</source>
        <translation>Add Issuer</translation>
    </message>
    <message>
        <source>Add JWK Set URL</source>
        <translation>Add JWK Set URL</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>Fetching %1 again</source>
        <translation>Fetching %1 again</translation>
    </message>
    <message>
        <source>Reloaded %1</source>
        <translation>Reloaded %1</translation>
    </message>
    <message>
        <source>Fetch cancelled</source>
        <translation>Fetch cancelled</translation>
    </message>
    <message>
        <source>Remove Key Source</source>
        <translation>Remove Key Source</translation>
    </message>
    <message>
        <source>“%1” exists only in this workspace. Remove it? Export it first if you still need it.</source>
        <translation>“%1” exists only in this workspace. Remove it? Export it first if you still need it.</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Removed %1</translation>
    </message>
    <message>
        <source>No key sources yet.</source>
        <translation>No key sources yet.</translation>
    </message>
    <message>
        <source>disable_jwk_security: certificates not checked</source>
        <translation>disable_jwk_security: certificates not checked</translation>
    </message>
    <message numerus="yes">
        <source>extra CA: %n certificate(s)</source>
        <translation>
            <numerusform>extra CA: %n certificate</numerusform>
            <numerusform>extra CA: %n certificates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pin(s)</source>
        <translation>
            <numerusform>%n pin</numerusform>
            <numerusform>%n pins</numerusform>
        </translation>
    </message>
    <message>
        <source>No usable keys</source>
        <translation>No usable keys</translation>
    </message>
    <message>
        <source>The keys below are from the last successful fetch.</source>
        <translation>The keys below are from the last successful fetch.</translation>
    </message>
    <message>
        <source>This key could not be used:
%1</source>
        <translation>This key could not be used:
%1</translation>
    </message>
    <message>
        <source>Skipped key %1</source>
        <translation>Skipped key %1</translation>
    </message>
    <message>
        <source>No keys to show.</source>
        <translation>No keys to show.</translation>
    </message>
    <message>
        <source>Select a key in the table.</source>
        <translation>Select a key in the table.</translation>
    </message>
    <message>
        <source>(hidden: %1-bit secret)</source>
        <translation>(hidden: %1-bit secret)</translation>
    </message>
    <message>
        <source>// private members hidden; Export JWK Set with private keys writes them</source>
        <translation>// private members hidden; Export JWK Set with private keys writes them</translation>
    </message>
    <message>
        <source>A shared secret has no PEM form.</source>
        <translation>A shared secret has no PEM form.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>kid</source>
        <translation>kid</translation>
    </message>
    <message>
        <source>alg</source>
        <translation>alg</translation>
    </message>
    <message>
        <source>use</source>
        <translation>use</translation>
    </message>
    <message>
        <source>key_ops</source>
        <translation>key_ops</translation>
    </message>
    <message>
        <source>Verifies</source>
        <translation>Verifies</translation>
    </message>
    <message>
        <source>Thumbprint SHA-256</source>
        <translation>Thumbprint SHA-256</translation>
    </message>
    <message>
        <source>Thumbprint SHA-384</source>
        <translation>Thumbprint SHA-384</translation>
    </message>
    <message>
        <source>Thumbprint SHA-512</source>
        <translation>Thumbprint SHA-512</translation>
    </message>
    <message>
        <source>KrakenD pin (SPKI)</source>
        <translation>KrakenD pin (SPKI)</translation>
    </message>
    <message>
        <source>x5t</source>
        <translation>x5t</translation>
    </message>
    <message>
        <source>x5t#S256</source>
        <translation>x5t#S256</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Issuer certificate %1</source>
        <translation>Issuer certificate %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <source>SHA-1 (x5t)</source>
        <translation>SHA-1 (x5t)</translation>
    </message>
    <message>
        <source>SHA-256 (x5t#S256)</source>
        <translation>SHA-256 (x5t#S256)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Fetching…</translation>
    </message>
    <message>
        <source>Not fetched successfully yet.</source>
        <translation>Not fetched successfully yet.</translation>
    </message>
    <message>
        <source>Discovery URL</source>
        <translation>Discovery URL</translation>
    </message>
    <message>
        <source>JWKS URL</source>
        <translation>JWKS URL</translation>
    </message>
    <message>
        <source>Final URL</source>
        <translation>Final URL</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2, %n byte(s)</source>
        <translation>
            <numerusform>%1, %2, %n byte</numerusform>
            <numerusform>%1, %2, %n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>no content type</source>
        <translation>no content type</translation>
    </message>
    <message>
        <source>Cache-Control max-age</source>
        <translation>Cache-Control max-age</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Last refresh: no kids added or removed.</source>
        <translation>Last refresh: no kids added or removed.</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>added %1</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>removed %1</translation>
    </message>
    <message>
        <source>Last refresh (key rotation): %1.</source>
        <translation>Last refresh (key rotation): %1.</translation>
    </message>
    <message>
        <source>SHA-256 of the certificate&apos;s public key, as KrakenD&apos;s jwk_fingerprints wants it</source>
        <translation>SHA-256 of the certificate&apos;s public key, as KrakenD&apos;s jwk_fingerprints wants it</translation>
    </message>
    <message>
        <source>(no TLS: plain http)</source>
        <translation>(no TLS: plain http)</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>No findings.</translation>
    </message>
    <message>
        <source>Export Private Keys</source>
        <translation>Export Private Keys</translation>
    </message>
    <message>
        <source>%1 will contain private key material. Anyone who gets the file can sign tokens that your services accept.

Write the private keys? Choose No to export only the public keys.</source>
        <translation>%1 will contain private key material. Anyone who gets the file can sign tokens that your services accept.

Write the private keys? Choose No to export only the public keys.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Wrote %1</translation>
    </message>
    <message>
        <source>The JWK</source>
        <translation>The JWK</translation>
    </message>
    <message>
        <source>Export JWK</source>
        <translation>Export JWK</translation>
    </message>
    <message>
        <source>A shared secret has no public part to export.</source>
        <translation>A shared secret has no public part to export.</translation>
    </message>
    <message>
        <source>JWK (*.json *.jwk);;All files (*)</source>
        <translation>JWK (*.json *.jwk);;All files (*)</translation>
    </message>
    <message>
        <source>The JWK Set</source>
        <translation>The JWK Set</translation>
    </message>
    <message>
        <source>Export JWK Set</source>
        <translation>Export JWK Set</translation>
    </message>
    <message>
        <source>This source holds only shared secrets; they have no public part. Export with private keys to write them.</source>
        <translation>This source holds only shared secrets; they have no public part. Export with private keys to write them.</translation>
    </message>
    <message>
        <source>JWK Set (*.json *.jwks);;All files (*)</source>
        <translation>JWK Set (*.json *.jwks);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the public keys; %n shared secret(s) left out</source>
        <translation>
            <numerusform>Wrote the public keys; %n shared secret left out</numerusform>
            <numerusform>Wrote the public keys; %n shared secrets left out</numerusform>
        </translation>
    </message>
    <message>
        <source>Export PEM</source>
        <translation>Export PEM</translation>
    </message>
    <message>
        <source>The PEM file</source>
        <translation>The PEM file</translation>
    </message>
    <message>
        <source>PEM (*.pem);;All files (*)</source>
        <translation>PEM (*.pem);;All files (*)</translation>
    </message>
    <message>
        <source>Copied the public JWK</source>
        <translation>Copied the public JWK</translation>
    </message>
    <message numerus="yes">
        <source>Copied the public JWK Set (%n shared secret(s) left out)</source>
        <translation>
            <numerusform>Copied the public JWK Set (%n shared secret left out)</numerusform>
            <numerusform>Copied the public JWK Set (%n shared secrets left out)</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied the public JWK Set</source>
        <translation>Copied the public JWK Set</translation>
    </message>
    <message>
        <source>Copied the public key as PEM</source>
        <translation>Copied the public key as PEM</translation>
    </message>
    <message>
        <source>Copied the RFC 7638 thumbprint</source>
        <translation>Copied the RFC 7638 thumbprint</translation>
    </message>
    <message>
        <source>Copied the pin of %1</source>
        <translation>Copied the pin of %1</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %1 (%n key(s))</source>
        <translation>
            <numerusform>Pasted %1 (%n key)</numerusform>
            <numerusform>Pasted %1 (%n keys)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (self-signed)</source>
        <translation>%1 (self-signed)</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (expired)</translation>
    </message>
    <message>
        <source>%1 (not yet valid)</source>
        <translation>%1 (not yet valid)</translation>
    </message>
    <message>
        <source>Trust this CA…</source>
        <translation>Trust this CA…</translation>
    </message>
    <message>
        <source>Pin this certificate</source>
        <translation>Pin this certificate</translation>
    </message>
    <message>
        <source>Accept this server&apos;s own certificate: its key is pinned (jwk_fingerprints) and, when its chain did not verify, the chain&apos;s anchor is trusted as well</source>
        <translation>Accept this server&apos;s own certificate: its key is pinned (jwk_fingerprints) and, when its chain did not verify, the chain&apos;s anchor is trusted as well</translation>
    </message>
    <message>
        <source>Add CA file…</source>
        <translation>Add CA file…</translation>
    </message>
    <message>
        <source>Trust the CA certificates of a PEM or DER file for this origin (jwk_local_ca)</source>
        <translation>Trust the CA certificates of a PEM or DER file for this origin (jwk_local_ca)</translation>
    </message>
    <message>
        <source>The server presented no certificate.</source>
        <translation>The server presented no certificate.</translation>
    </message>
    <message numerus="yes">
        <source>The server presented %n certificate(s), shown under Fetch &amp; TLS.</source>
        <translation>
            <numerusform>The server presented %n certificate, shown under Fetch &amp; TLS.</numerusform>
            <numerusform>The server presented %n certificates, shown under Fetch &amp; TLS.</numerusform>
        </translation>
    </message>
    <message>
        <source>A change of trust applies to %1 on every page.</source>
        <translation>A change of trust applies to %1 on every page.</translation>
    </message>
    <message>
        <source>The certificate is not for this host name: trusting it will not be enough.</source>
        <translation>The certificate is not for this host name: trusting it will not be enough.</translation>
    </message>
    <message>
        <source>A certificate is expired or not yet valid: trusting it will not be enough.</source>
        <translation>A certificate is expired or not yet valid: trusting it will not be enough.</translation>
    </message>
    <message>
        <source>Trust “%1” as a certificate authority for %2 (jwk_local_ca)</source>
        <translation>Trust “%1” as a certificate authority for %2 (jwk_local_ca)</translation>
    </message>
    <message>
        <source>Trust This CA</source>
        <translation>Trust This CA</translation>
    </message>
    <message>
        <source>Trust “%1” as a certificate authority for %2?

SHA-256 fingerprint:
%3

Every key source, issuer and jwk_url of %2 will then accept the certificates it issued. Compare the fingerprint with the one the server&apos;s owner gives you before you trust it.</source>
        <translation>Trust “%1” as a certificate authority for %2?

SHA-256 fingerprint:
%3

Every key source, issuer and jwk_url of %2 will then accept the certificates it issued. Compare the fingerprint with the one the server&apos;s owner gives you before you trust it.</translation>
    </message>
    <message>
        <source>Add CA File</source>
        <translation>Add CA File</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>No CA certificate added: %1</source>
        <translation>No CA certificate added: %1</translation>
    </message>
    <message>
        <source>Change Trust</source>
        <translation>Change Trust</translation>
    </message>
    <message numerus="yes">
        <source>Trust of %1 changed; fetching %n source(s) again</source>
        <translation>
            <numerusform>Trust of %1 changed; fetching %n source again</numerusform>
            <numerusform>Trust of %1 changed; fetching %n sources again</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate SHA-256: %1</source>
        <translation>Certificate SHA-256: %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>TLS refused it</source>
        <translation>TLS refused it</translation>
    </message>
    <message>
        <source>(the server presented no certificate)</source>
        <translation>(the server presented no certificate)</translation>
    </message>
    <message>
        <source>Get token from identity provider…</source>
        <translation>Get token from identity provider…</translation>
    </message>
    <message>
        <source>Get a token from an identity provider (client credentials, browser sign-in, device code, refresh) and open it in the Inspector</source>
        <translation>Get a token from an identity provider (client credentials, browser sign-in, device code, refresh) and open it in the Inspector</translation>
    </message>
    <message>
        <source>Add a key source: pasted text, a file, a JWK Set URL or an issuer; or get a token from an identity provider</source>
        <translation>Add a key source: pasted text, a file, a JWK Set URL or an issuer; or get a token from an identity provider</translation>
    </message>
    <message>
        <source>Added the issuer %1 to the key ring</source>
        <translation>Added the issuer %1 to the key ring</translation>
    </message>
</context>
<context>
    <name>jwb::ui::LineDiff</name>
    <message>
        <source>@@ line %1 @@</source>
        <translation>@@ line %1 @@</translation>
    </message>
    <message>
        <source>@@ end of file @@</source>
        <translation>@@ end of file @@</translation>
    </message>
    <message numerus="yes">
        <source>… %n unchanged line(s) …  %1</source>
        <translation>
            <numerusform>… %n unchanged line …  %1</numerusform>
            <numerusform>… %n unchanged lines …  %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwb::ui::LiveRunDialog</name>
    <message>
        <source>Run test tokens against a gateway</source>
        <translation>Run test tokens against a gateway</translation>
    </message>
    <message>
        <source>The gateway&apos;s base URL: each case is sent to it with its endpoint&apos;s path, and nowhere else</source>
        <translation>The gateway&apos;s base URL: each case is sent to it with its endpoint&apos;s path, and nowhere else</translation>
    </message>
    <message>
        <source>System trust store</source>
        <translation>System trust store</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Allow plain http and unchecked certificates (a local gateway)</source>
        <translation>Allow plain http and unchecked certificates (a local gateway)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Delay</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>At most</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>requests</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>Gateway URL</translation>
    </message>
    <message>
        <source>Extra CA</source>
        <translation>Extra CA</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Pace</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Cancel run</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Expected and actual status per case</source>
        <translation>Expected and actual status per case</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>not sent yet</translation>
    </message>
    <message>
        <source>Select a case to see the gateway&apos;s answer</source>
        <translation>Select a case to see the gateway&apos;s answer</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) for %1 %2. Nothing is sent until you press Run, and only to the URL you type.</source>
        <translation>
            <numerusform>%n case for %1 %2. Nothing is sent until you press Run, and only to the URL you type.</numerusform>
            <numerusform>%n cases for %1 %2. Nothing is sent until you press Run, and only to the URL you type.</numerusform>
        </translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>sending…</translation>
    </message>
    <message>
        <source>Sending %1 (%2 of %3)…</source>
        <translation>Sending %1 (%2 of %3)…</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>as simulated</source>
        <translation>as simulated</translation>
    </message>
    <message>
        <source>differs: %1</source>
        <translation>differs: %1</translation>
    </message>
    <message>
        <source>Expected %1: %2</source>
        <translation>Expected %1: %2</translation>
    </message>
    <message>
        <source>Answered %1 in %2 ms</source>
        <translation>Answered %1 in %2 ms</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>No answer: %1</translation>
    </message>
    <message>
        <source>Why they may differ: %1</source>
        <translation>Why they may differ: %1</translation>
    </message>
</context>
<context>
    <name>jwb::ui::LongText</name>
    <message numerus="yes">
        <source> … %Ln character(s) not shown … </source>
        <translation>
            <numerusform> … %Ln character not shown … </numerusform>
            <numerusform> … %Ln characters not shown … </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwb::ui::MainWindow</name>
    <message>
        <source>%1 is %2 MiB; a workspace is at most %3 MiB</source>
        <translation>%1 is %2 MiB; a workspace is at most %3 MiB</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at line %3, column %4</source>
        <translation>%1 is not valid JSON: %2 at line %3, column %4</translation>
    </message>
    <message>
        <source>%1 is not a JWT Workbench workspace (no &quot;%2&quot; member)</source>
        <translation>%1 is not a JWT Workbench workspace (no &quot;%2&quot; member)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Decode, explain and verify tokens (Ctrl+1)</source>
        <translation>Decode, explain and verify tokens (Ctrl+1)</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Key sources: pasted keys, files, JWK Set URLs, issuers; generate and export (Ctrl+2)</source>
        <translation>Key sources: pasted keys, files, JWK Set URLs, issuers; generate and export (Ctrl+2)</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>KrakenD endpoints: edit auth/validator, simulate requests, export (Ctrl+3)</source>
        <translation>KrakenD endpoints: edit auth/validator, simulate requests, export (Ctrl+3)</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>Composer</translation>
    </message>
    <message>
        <source>Compose claims and sign test tokens with keys from the key ring (Ctrl+4)</source>
        <translation>Compose claims and sign test tokens with keys from the key ring (Ctrl+4)</translation>
    </message>
    <message>
        <source>composed token</source>
        <translation>composed token</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simulate</translation>
    </message>
    <message>
        <source>What KrakenD answers for a token and request on this endpoint, and why</source>
        <translation>What KrakenD answers for a token and request on this endpoint, and why</translation>
    </message>
    <message>
        <source>All endpoints</source>
        <translation>All endpoints</translation>
    </message>
    <message>
        <source>One token against every endpoint</source>
        <translation>One token against every endpoint</translation>
    </message>
    <message>
        <source>Test tokens</source>
        <translation>Test tokens</translation>
    </message>
    <message>
        <source>Mint valid and broken tokens for this endpoint, with the verdict KrakenD gives each</source>
        <translation>Mint valid and broken tokens for this endpoint, with the verdict KrakenD gives each</translation>
    </message>
    <message>
        <source>test token</source>
        <translation>test token</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Open a token, a key or JWK Set, a krakend.json or a workspace: the content decides where it goes</source>
        <translation>Open a token, a key or JWK Set, a krakend.json or a workspace: the content decides where it goes</translation>
    </message>
    <message>
        <source>Open &amp;Token File…</source>
        <translation>Open &amp;Token File…</translation>
    </message>
    <message>
        <source>Open Token File</source>
        <translation>Open Token File</translation>
    </message>
    <message>
        <source>Token files (*.jwt *.jws *.jwe *.token *.txt);;All files (*)</source>
        <translation>Token files (*.jwt *.jws *.jwe *.token *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Open &amp;Key or JWK Set…</source>
        <translation>Open &amp;Key or JWK Set…</translation>
    </message>
    <message>
        <source>Open Key File</source>
        <translation>Open Key File</translation>
    </message>
    <message>
        <source>Keys (*.pem *.crt *.cer *.der *.key *.pub *.json *.jwk *.jwks);;All files (*)</source>
        <translation>Keys (*.pem *.crt *.cer *.der *.key *.pub *.json *.jwk *.jwks);;All files (*)</translation>
    </message>
    <message>
        <source>Open KrakenD &amp;Config…</source>
        <translation>Open KrakenD &amp;Config…</translation>
    </message>
    <message>
        <source>Open KrakenD Configuration</source>
        <translation>Open KrakenD Configuration</translation>
    </message>
    <message>
        <source>KrakenD configuration (*.json);;All files (*)</source>
        <translation>KrakenD configuration (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>Open &amp;Workspace…</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Open Workspace</translation>
    </message>
    <message>
        <source>JWT Workbench workspace (*.jwb.json);;All files (*)</source>
        <translation>JWT Workbench workspace (*.jwb.json);;All files (*)</translation>
    </message>
    <message>
        <source>&amp;Save Workspace</source>
        <translation>&amp;Save Workspace</translation>
    </message>
    <message>
        <source>Save tokens, key sources and settings; secrets and private keys go to the system keychain only if you agree</source>
        <translation>Save tokens, key sources and settings; secrets and private keys go to the system keychain only if you agree</translation>
    </message>
    <message>
        <source>Save Workspace &amp;As…</source>
        <translation>Save Workspace &amp;As…</translation>
    </message>
    <message>
        <source>Save Workspace</source>
        <translation>Save Workspace</translation>
    </message>
    <message>
        <source>JWT Workbench workspace (*.jwb.json)</source>
        <translation>JWT Workbench workspace (*.jwb.json)</translation>
    </message>
    <message>
        <source>Open &amp;Demo Workspace</source>
        <translation>Open &amp;Demo Workspace</translation>
    </message>
    <message>
        <source>The RS256 demo token, its JWK Set and a sample krakend.json</source>
        <translation>The RS256 demo token, its JWK Set and a sample krakend.json</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Paste Token</source>
        <translation>&amp;Paste Token</translation>
    </message>
    <message>
        <source>Replace the token with the clipboard&apos;s text</source>
        <translation>Replace the token with the clipboard&apos;s text</translation>
    </message>
    <message>
        <source>Decoded &amp;JSON</source>
        <translation>Decoded &amp;JSON</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>Copy JSON</translation>
    </message>
    <message>
        <source>Copy header, payload, times and findings as one JSON document (like decode --json)</source>
        <translation>Copy header, payload, times and findings as one JSON document (like decode --json)</translation>
    </message>
    <message>
        <source>Compact &amp;Token</source>
        <translation>Compact &amp;Token</translation>
    </message>
    <message>
        <source>the token</source>
        <translation>the token</translation>
    </message>
    <message>
        <source>&amp;Header JSON</source>
        <translation>&amp;Header JSON</translation>
    </message>
    <message>
        <source>the header</source>
        <translation>the header</translation>
    </message>
    <message>
        <source>&amp;Payload JSON</source>
        <translation>&amp;Payload JSON</translation>
    </message>
    <message>
        <source>the payload</source>
        <translation>the payload</translation>
    </message>
    <message>
        <source>&amp;Authorization Header</source>
        <translation>&amp;Authorization Header</translation>
    </message>
    <message>
        <source>the Authorization header</source>
        <translation>the Authorization header</translation>
    </message>
    <message>
        <source>&amp;curl Command</source>
        <translation>&amp;curl Command</translation>
    </message>
    <message>
        <source>a curl command</source>
        <translation>a curl command</translation>
    </message>
    <message>
        <source>Clear Copied Tokens After %1 s</source>
        <translation>Clear Copied Tokens After %1 s</translation>
    </message>
    <message>
        <source>A token is a credential: after Copy As Token, Authorization Header or curl, clear the clipboard again unless something else was copied meanwhile</source>
        <translation>A token is a credential: after Copy As Token, Authorization Header or curl, clear the clipboard again unless something else was copied meanwhile</translation>
    </message>
    <message>
        <source>C&amp;lear Token</source>
        <translation>C&amp;lear Token</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspector</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Keys</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <source>&amp;Composer</source>
        <translation>&amp;Composer</translation>
    </message>
    <message>
        <source>&amp;Decoded</source>
        <translation>&amp;Decoded</translation>
    </message>
    <message>
        <source>&amp;Claims</source>
        <translation>&amp;Claims</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>&amp;Findings</translation>
    </message>
    <message>
        <source>&amp;Signature</source>
        <translation>&amp;Signature</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>&amp;About JWT Workbench</source>
        <translation>&amp;About JWT Workbench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Copy As</source>
        <translation>&amp;Copy As</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Inspector &amp;Tab</source>
        <translation>Inspector &amp;Tab</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;heme</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Evaluated at %1</source>
        <translation>Evaluated at %1</translation>
    </message>
    <message>
        <source>Times relative to %1</source>
        <translation>Times relative to %1</translation>
    </message>
    <message>
        <source>Relative times (“expires in …”) are recomputed every %1 s</source>
        <translation>Relative times (“expires in …”) are recomputed every %1 s</translation>
    </message>
    <message>
        <source>untitled krakend.json</source>
        <translation>untitled krakend.json</translation>
    </message>
    <message>
        <source>Cannot open token file</source>
        <translation>Cannot open token file</translation>
    </message>
    <message>
        <source>Cannot open key file</source>
        <translation>Cannot open key file</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Cannot open file</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <source>Opened %1 (%2)</source>
        <translation>Opened %1 (%2)</translation>
    </message>
    <message>
        <source>demo-token.jwt (demo)</source>
        <translation>demo-token.jwt (demo)</translation>
    </message>
    <message>
        <source>Demo JWK Set</source>
        <translation>Demo JWK Set</translation>
    </message>
    <message>
        <source>Demo private key (demo-rs256)</source>
        <translation>Demo private key (demo-rs256)</translation>
    </message>
    <message>
        <source>Demo workspace: an RS256 token, its JWK Set (Keys) and a sample krakend.json (Gateway)</source>
        <translation>Demo workspace: an RS256 token, its JWK Set (Keys) and a sample krakend.json (Gateway)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Tokens, keys, KrakenD configs and workspaces (*.jwt *.jws *.jwe *.token *.txt *.json *.pem *.crt *.cer *.der *.key *.pub *.jwk *.jwks);;All files (*)</source>
        <translation>Tokens, keys, KrakenD configs and workspaces (*.jwt *.jws *.jwe *.token *.txt *.json *.pem *.crt *.cer *.der *.key *.pub *.jwk *.jwks);;All files (*)</translation>
    </message>
    <message>
        <source>The clipboard holds no text to decode.</source>
        <translation>The clipboard holds no text to decode.</translation>
    </message>
    <message>
        <source>There is nothing to copy.</source>
        <translation>There is nothing to copy.</translation>
    </message>
    <message>
        <source>Copied %1.</source>
        <translation>Copied %1.</translation>
    </message>
    <message>
        <source>Copied %1; the clipboard is cleared in %2 s.</source>
        <translation>Copied %1; the clipboard is cleared in %2 s.</translation>
    </message>
    <message>
        <source>There is no token to copy.</source>
        <translation>There is no token to copy.</translation>
    </message>
    <message>
        <source>Copied the decoded token as JSON.</source>
        <translation>Copied the decoded token as JSON.</translation>
    </message>
    <message>
        <source>workspace format %1 is not supported (this version reads format %2)</source>
        <translation>workspace format %1 is not supported (this version reads format %2)</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Cannot open workspace</translation>
    </message>
    <message>
        <source>Secrets in this workspace</source>
        <translation>Secrets in this workspace</translation>
    </message>
    <message>
        <source>%1 of the key sources hold a secret or a private key. They are never written to the workspace file.

Keep them in the system keychain, so that opening this workspace restores them?</source>
        <translation>%1 of the key sources hold a secret or a private key. They are never written to the workspace file.

Keep them in the system keychain, so that opening this workspace restores them?</translation>
    </message>
    <message>
        <source>Cannot save workspace</source>
        <translation>Cannot save workspace</translation>
    </message>
    <message>
        <source>Saved workspace %1</source>
        <translation>Saved workspace %1</translation>
    </message>
    <message>
        <source>Secrets not stored</source>
        <translation>Secrets not stored</translation>
    </message>
    <message>
        <source>Secrets stored in the system keychain.</source>
        <translation>Secrets stored in the system keychain.</translation>
    </message>
    <message>
        <source>The last session could not be restored; starting afresh.</source>
        <translation>The last session could not be restored; starting afresh.</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Recover unsaved work?</translation>
    </message>
    <message>
        <source>JWT Workbench did not close normally. A copy of the session from %1, with unsaved changes to a KrakenD configuration, was kept.

Recover it?</source>
        <translation>JWT Workbench did not close normally. A copy of the session from %1, with unsaved changes to a KrakenD configuration, was kept.

Recover it?</translation>
    </message>
    <message>
        <source>JWT Workbench did not close normally. A copy of the session from %1 was kept.

Recover it?</source>
        <translation>JWT Workbench did not close normally. A copy of the session from %1 was kept.

Recover it?</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 no longer exists.</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>No recent files</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Clear List</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Drop a file or a token on the window</source>
        <translation>Drop a file or a token on the window</translation>
    </message>
    <message>
        <source>drag and drop</source>
        <translation>drag and drop</translation>
    </message>
    <message>
        <source>About JWT Workbench</source>
        <translation>About JWT Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;JWT Workbench %1&lt;/h3&gt;&lt;p&gt;Inspect, verify and simulate JSON Web Tokens and KrakenD JWT policies.&lt;/p&gt;&lt;p&gt;Decoding never needs a key and never sends the token anywhere.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Qt&lt;/b&gt; %2 (built with %3)&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cryptography&lt;/b&gt; (known-answer self-test at start-up):&lt;br&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;JWT Workbench %1&lt;/h3&gt;&lt;p&gt;Inspect, verify and simulate JSON Web Tokens and KrakenD JWT policies.&lt;/p&gt;&lt;p&gt;Decoding never needs a key and never sends the token anywhere.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Qt&lt;/b&gt; %2 (built with %3)&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cryptography&lt;/b&gt; (known-answer self-test at start-up):&lt;br&gt;%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The workspace&apos;s KrakenD config %1 no longer exists</source>
        <translation>The workspace&apos;s KrakenD config %1 no longer exists</translation>
    </message>
    <message numerus="yes">
        <source>%n remote key source(s) not fetched: Keys &gt; Refresh fetches one</source>
        <translation>
            <numerusform>%n remote key source not fetched: Keys &gt; Refresh fetches one</numerusform>
            <numerusform>%n remote key sources not fetched: Keys &gt; Refresh fetches one</numerusform>
        </translation>
    </message>
    <message>
        <source>Secrets not recorded</source>
        <translation>Secrets not recorded</translation>
    </message>
    <message>
        <source>The secrets are in the system keychain, but the workspace file could not say so: %1</source>
        <translation>The secrets are in the system keychain, but the workspace file could not say so: %1</translation>
    </message>
    <message numerus="yes">
        <source>The workspace was saved without %n of its secret(s): %1.

The file lists them as not stored; paste them again after opening it.</source>
        <translation>
            <numerusform>The workspace was saved without %n of its secret: %1.

The file lists them as not stored; paste them again after opening it.</numerusform>
            <numerusform>The workspace was saved without %n of its secrets: %1.

The file lists them as not stored; paste them again after opening it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key source(s) opened without their secret (not stored): %1</source>
        <translation>
            <numerusform>%n key source opened without their secret (not stored): %1</numerusform>
            <numerusform>%n key sources opened without their secret (not stored): %1</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n remote key source(s) still wait for your permission: Keys &gt; Refresh fetches one</source>
        <translation>
            <numerusform>%n remote key source still wait for your permission: Keys &gt; Refresh fetches one</numerusform>
            <numerusform>%n remote key sources still wait for your permission: Keys &gt; Refresh fetches one</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the KrakenD configuration</source>
        <translation>Cannot open the KrakenD configuration</translation>
    </message>
    <message>
        <source>%1 is a directory.</source>
        <translation>%1 is a directory.</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>%1 cannot be read: permission denied.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 cannot be read: %2.</translation>
    </message>
    <message>
        <source>%1 is not a JSON file, so not a KrakenD configuration.</source>
        <translation>%1 is not a JSON file, so not a KrakenD configuration.</translation>
    </message>
    <message>
        <source>%1 is not a KrakenD configuration: it holds a %2.</source>
        <translation>%1 is not a KrakenD configuration: it holds a %2.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 is not a regular file.</translation>
    </message>
    <message>
        <source>Key sources of %1 had different TLS settings; the first source&apos;s settings now apply to all of them (Keys &gt; Edit changes them)</source>
        <translation>Key sources of %1 had different TLS settings; the first source&apos;s settings now apply to all of them (Keys &gt; Edit changes them)</translation>
    </message>
    <message>
        <source>Save &amp;Configuration</source>
        <translation>Save &amp;Configuration</translation>
    </message>
    <message>
        <source>Save the Gateway&apos;s krakend.json atomically; the first save keeps the original as &lt;file&gt;.bak</source>
        <translation>Save the Gateway&apos;s krakend.json atomically; the first save keeps the original as &lt;file&gt;.bak</translation>
    </message>
    <message>
        <source>Save Con&amp;figuration As…</source>
        <translation>Save Con&amp;figuration As…</translation>
    </message>
    <message>
        <source>Save KrakenD configuration</source>
        <translation>Save KrakenD configuration</translation>
    </message>
    <message>
        <source>KrakenD configuration (*.json)</source>
        <translation>KrakenD configuration (*.json)</translation>
    </message>
    <message>
        <source>Save the page&apos;s document (on the Gateway the krakend.json, elsewhere the workspace)</source>
        <translation>Save the page&apos;s document (on the Gateway the krakend.json, elsewhere the workspace)</translation>
    </message>
    <message>
        <source>Save the page&apos;s document as</source>
        <translation>Save the page&apos;s document as</translation>
    </message>
    <message>
        <source>Undo (in a text field; in a Gateway form field: the field&apos;s edit)</source>
        <translation>Undo (in a text field; in a Gateway form field: the field&apos;s edit)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop opening the key file; the key ring stays as it is</source>
        <translation>Stop opening the key file; the key ring stays as it is</translation>
    </message>
    <message>
        <source>Opening the key file cancelled</source>
        <translation>Opening the key file cancelled</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 (%n key(s))</source>
        <translation>
            <numerusform>Opened %1 (%n key)</numerusform>
            <numerusform>Opened %1 (%n keys)</numerusform>
        </translation>
    </message>
    <message>
        <source>D&amp;ecrypt</source>
        <translation>D&amp;ecrypt</translation>
    </message>
</context>
<context>
    <name>jwb::ui::OptionForm</name>
    <message>
        <source>Key source &amp; TLS</source>
        <translation>Key source &amp; TLS</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Roles &amp; scopes</source>
        <translation>Roles &amp; scopes</translation>
    </message>
    <message>
        <source>Token location</source>
        <translation>Token location</translation>
    </message>
    <message>
        <source>Propagation</source>
        <translation>Propagation</translation>
    </message>
    <message>
        <source>Caching</source>
        <translation>Caching</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signing</translation>
    </message>
    <message>
        <source>Shared key cache (auth/validator)</source>
        <translation>Shared key cache (auth/validator)</translation>
    </message>
    <message>
        <source>Token revocation (auth/revoker)</source>
        <translation>Token revocation (auth/revoker)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &lt;i&gt;(%2)&lt;/i&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Default: %4&lt;br&gt;Since KrakenD %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &lt;i&gt;(%2)&lt;/i&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Default: %4&lt;br&gt;Since KrakenD %5</translation>
    </message>
    <message>
        <source>&lt;br&gt;Values: %1</source>
        <translation>&lt;br&gt;Values: %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Ignored by KrakenD CE&lt;/b&gt; although the schema has it.</source>
        <translation>&lt;br&gt;&lt;b&gt;Ignored by KrakenD CE&lt;/b&gt; although the schema has it.</translation>
    </message>
    <message>
        <source>unset — default: %1</source>
        <translation>unset — default: %1</translation>
    </message>
    <message>
        <source>unset (default: %1)</source>
        <translation>unset (default: %1)</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Add an entry to %1</source>
        <translation>Add an entry to %1</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Add to %1</translation>
    </message>
    <message>
        <source>Remove the selected entry of %1</source>
        <translation>Remove the selected entry of %1</translation>
    </message>
    <message>
        <source>Remove from %1</source>
        <translation>Remove from %1</translation>
    </message>
    <message>
        <source>%1 (not a valid value)</source>
        <translation>%1 (not a valid value)</translation>
    </message>
    <message>
        <source>every entry must be an integer from 0 to 65535</source>
        <translation>every entry must be an integer from 0 to 65535</translation>
    </message>
    <message>
        <source>not a valid %1</source>
        <translation>not a valid %1</translation>
    </message>
    <message>
        <source>not standard base64: KrakenD fails to parse the block (401 to every request)</source>
        <translation>not standard base64: KrakenD fails to parse the block (401 to every request)</translation>
    </message>
    <message>
        <source>%1 first appeared in KrakenD %2; the target version is %3: it is set here and will be ignored or rejected</source>
        <translation>%1 first appeared in KrakenD %2; the target version is %3: it is set here and will be ignored or rejected</translation>
    </message>
    <message>
        <source>%1 first appeared in KrakenD %2; the target version is %3</source>
        <translation>%1 first appeared in KrakenD %2; the target version is %3</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Not in the v%1 schema&lt;/b&gt;: read at run time but fails krakend check --lint.</source>
        <translation>&lt;br&gt;&lt;b&gt;Not in the v%1 schema&lt;/b&gt;: read at run time but fails krakend check --lint.</translation>
    </message>
</context>
<context>
    <name>jwb::ui::RemoteSourceDialog</name>
    <message>
        <source>Remote Key Source</source>
        <translation>Remote Key Source</translation>
    </message>
    <message>
        <source>Source kind</source>
        <translation>Source kind</translation>
    </message>
    <message>
        <source>A JWK Set URL is fetched directly; an issuer is looked up through OpenID Connect discovery first (.well-known/openid-configuration, then jwks_uri)</source>
        <translation>A JWK Set URL is fetched directly; an issuer is looked up through OpenID Connect discovery first (.well-known/openid-configuration, then jwks_uri)</translation>
    </message>
    <message>
        <source>JWK Set URL</source>
        <translation>JWK Set URL</translation>
    </message>
    <message>
        <source>Issuer (OpenID discovery)</source>
        <translation>Issuer (OpenID discovery)</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>https URL of the JWK Set, or the issuer URL for discovery</source>
        <translation>https URL of the JWK Set, or the issuer URL for discovery</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Extra CA file</source>
        <translation>Extra CA file</translation>
    </message>
    <message>
        <source>system trust store only</source>
        <translation>system trust store only</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Pins</source>
        <translation>Pins</translation>
    </message>
    <message>
        <source>KrakenD jwk_fingerprints, one per line: URL-safe base64 SHA-256 of a presented certificate&apos;s public key. Copy them from the TLS chain of a fetched source.</source>
        <translation>KrakenD jwk_fingerprints, one per line: URL-safe base64 SHA-256 of a presented certificate&apos;s public key. Copy them from the TLS chain of a fetched source.</translation>
    </message>
    <message>
        <source>no pinning (one pin per line)</source>
        <translation>no pinning (one pin per line)</translation>
    </message>
    <message>
        <source>Disable JWK security</source>
        <translation>Disable JWK security</translation>
    </message>
    <message>
        <source>Anyone on the network path can then hand you their own keys. Use this only against a local test server.</source>
        <translation>Anyone on the network path can then hand you their own keys. Use this only against a local test server.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>How long one request may take before it is given up</source>
        <translation>How long one request may take before it is given up</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Extra CA</source>
        <translation>Extra CA</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) from the workspace</source>
        <translation>
            <numerusform>%n certificate from the workspace</numerusform>
            <numerusform>%n certificates from the workspace</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the URL of a JWK Set or an issuer.</source>
        <translation>Enter the URL of a JWK Set or an issuer.</translation>
    </message>
    <message>
        <source>“%1” is not an http(s) URL.</source>
        <translation>“%1” is not an http(s) URL.</translation>
    </message>
    <message>
        <source>KrakenD fetches keys over https only; use https or allow http with disable_jwk_security.</source>
        <translation>KrakenD fetches keys over https only; use https or allow http with disable_jwk_security.</translation>
    </message>
    <message>
        <source>“%1” is not a pin: expected URL-safe base64 of a SHA-256 digest (44 characters).</source>
        <translation>“%1” is not a pin: expected URL-safe base64 of a SHA-256 digest (44 characters).</translation>
    </message>
    <message>
        <source>Extra CA Certificates</source>
        <translation>Extra CA Certificates</translation>
    </message>
    <message>
        <source>PEM or DER file with CA certificates trusted in addition to the system store (KrakenD&apos;s jwk_local_ca), for every source of this URL&apos;s origin</source>
        <translation>PEM or DER file with CA certificates trusted in addition to the system store (KrakenD&apos;s jwk_local_ca), for every source of this URL&apos;s origin</translation>
    </message>
    <message>
        <source>Choose a PEM or DER file with CA certificates</source>
        <translation>Choose a PEM or DER file with CA certificates</translation>
    </message>
    <message>
        <source>%1 holds no PEM or DER certificate</source>
        <translation>%1 holds no PEM or DER certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>What the source is called on every page; its kind, host and path when left empty</source>
        <translation>What the source is called on every page; its kind, host and path when left empty</translation>
    </message>
    <message>
        <source>kind, host and path (JWKS example.com/keys)</source>
        <translation>kind, host and path (JWKS example.com/keys)</translation>
    </message>
    <message>
        <source>Accept plain http and any certificate (insecure)</source>
        <translation>Accept plain http and any certificate (insecure)</translation>
    </message>
    <message>
        <source>Allow http and accept any certificate, as KrakenD&apos;s disable_jwk_security option does</source>
        <translation>Allow http and accept any certificate, as KrakenD&apos;s disable_jwk_security option does</translation>
    </message>
</context>
<context>
    <name>jwb::ui::SecretStore</name>
    <message>
        <source>the system keychain refused the request</source>
        <translation>the system keychain refused the request</translation>
    </message>
    <message>
        <source>system keychain: %1</source>
        <translation>system keychain: %1</translation>
    </message>
    <message>
        <source>no keychain service is running on this desktop</source>
        <translation>no keychain service is running on this desktop</translation>
    </message>
    <message>
        <source>the system keychain holds no such entry</source>
        <translation>the system keychain holds no such entry</translation>
    </message>
    <message>
        <source>access to the system keychain was denied</source>
        <translation>access to the system keychain was denied</translation>
    </message>
    <message>
        <source>the system keychain refused access (it may be locked)</source>
        <translation>the system keychain refused access (it may be locked)</translation>
    </message>
    <message>
        <source>the system keychain refused access: %1</source>
        <translation>the system keychain refused access: %1</translation>
    </message>
</context>
<context>
    <name>jwb::ui::SimulationPanel</name>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Choose an endpoint of a krakend.json to simulate</source>
        <translation>Choose an endpoint of a krakend.json to simulate</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Paste a token (a &quot;Bearer &quot; prefix is fine)</source>
        <translation>Paste a token (a &quot;Bearer &quot; prefix is fine)</translation>
    </message>
    <message>
        <source>The token to send. Paste one, or pick an earlier one from the list</source>
        <translation>The token to send. Paste one, or pick an earlier one from the list</translation>
    </message>
    <message>
        <source>Where the token goes: the header the config reads (auth_header_name, with &quot;Bearer &quot;), its cookie (cookie_key; KrakenD reads it only when the header is absent), or nowhere (use the tables)</source>
        <translation>Where the token goes: the header the config reads (auth_header_name, with &quot;Bearer &quot;), its cookie (cookie_key; KrakenD reads it only when the header is absent), or nowhere (use the tables)</translation>
    </message>
    <message>
        <source>Place token in</source>
        <translation>Place token in</translation>
    </message>
    <message>
        <source>The request&apos;s HTTP method (the endpoint&apos;s own by default)</source>
        <translation>The request&apos;s HTTP method (the endpoint&apos;s own by default)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Extra request headers, sent after the token&apos;s header; for a repeated name the first one counts, as in Go</source>
        <translation>Extra request headers, sent after the token&apos;s header; for a repeated name the first one counts, as in Go</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Request headers</translation>
    </message>
    <message>
        <source>Cookie</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <source>Request cookies (sent as Cookie: name=value)</source>
        <translation>Request cookies (sent as Cookie: name=value)</translation>
    </message>
    <message>
        <source>Request cookies</source>
        <translation>Request cookies</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Evaluate exp, nbf and iat at the current time</source>
        <translation>Evaluate exp, nbf and iat at the current time</translation>
    </message>
    <message>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <source>Evaluate as of a chosen instant (UTC)</source>
        <translation>Evaluate as of a chosen instant (UTC)</translation>
    </message>
    <message>
        <source>The instant KrakenD&apos;s clock shows (UTC)</source>
        <translation>The instant KrakenD&apos;s clock shows (UTC)</translation>
    </message>
    <message>
        <source>Evaluation time</source>
        <translation>Evaluation time</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simulate</translation>
    </message>
    <message>
        <source>Run KrakenD&apos;s pipeline on this request now</source>
        <translation>Run KrakenD&apos;s pipeline on this request now</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop waiting for the running simulation (e.g. a slow jwk_url)</source>
        <translation>Stop waiting for the running simulation (e.g. a slow jwk_url)</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluate</translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation>Extra headers</translation>
    </message>
    <message>
        <source>Add a header</source>
        <translation>Add a header</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Add header</translation>
    </message>
    <message>
        <source>Remove the selected header</source>
        <translation>Remove the selected header</translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation>Remove header</translation>
    </message>
    <message>
        <source>Cookies</source>
        <translation>Cookies</translation>
    </message>
    <message>
        <source>Add a cookie</source>
        <translation>Add a cookie</translation>
    </message>
    <message>
        <source>Add cookie</source>
        <translation>Add cookie</translation>
    </message>
    <message>
        <source>Remove the selected cookie</source>
        <translation>Remove the selected cookie</translation>
    </message>
    <message>
        <source>Remove cookie</source>
        <translation>Remove cookie</translation>
    </message>
    <message>
        <source>The token goes where “Place token in” says. Add headers or cookies to try other inputs: a second Authorization header (the first one counts), a cookie fallback when the header is absent, or a client-sent header that propagate_claims overwrites.</source>
        <translation>The token goes where “Place token in” says. Add headers or cookies to try other inputs: a second Authorization header (the first one counts), a cookie fallback when the header is absent, or a client-sent header that propagate_claims overwrites.</translation>
    </message>
    <message>
        <source>KrakenD&apos;s answer</source>
        <translation>KrakenD&apos;s answer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>KrakenD&apos;s checks in its order; it stops at the first failure</source>
        <translation>KrakenD&apos;s checks in its order; it stops at the first failure</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>From claim</source>
        <translation>From claim</translation>
    </message>
    <message>
        <source>Headers KrakenD writes from claims (propagate_claims); they replace client values, and the backend sees them only if the endpoint&apos;s input_headers lets them through</source>
        <translation>Headers KrakenD writes from claims (propagate_claims); they replace client values, and the backend sees them only if the endpoint&apos;s input_headers lets them through</translation>
    </message>
    <message>
        <source>Headers the backend receives</source>
        <translation>Headers the backend receives</translation>
    </message>
    <message>
        <source>Backend url_pattern</source>
        <translation>Backend url_pattern</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Backend URLs with their {JWT.x} parameters filled from the token</source>
        <translation>Backend URLs with their {JWT.x} parameters filled from the token</translation>
    </message>
    <message>
        <source>Backend URLs</source>
        <translation>Backend URLs</translation>
    </message>
    <message>
        <source>Selected check</source>
        <translation>Selected check</translation>
    </message>
    <message>
        <source>%1 %2  (no auth/validator: KrakenD does not check tokens here)</source>
        <translation>%1 %2  (no auth/validator: KrakenD does not check tokens here)</translation>
    </message>
    <message>
        <source>Header %1: Bearer …</source>
        <translation>Header %1: Bearer …</translation>
    </message>
    <message>
        <source>Cookie %1</source>
        <translation>Cookie %1</translation>
    </message>
    <message>
        <source>Nowhere (use the tables)</source>
        <translation>Nowhere (use the tables)</translation>
    </message>
    <message>
        <source>Simulating %1 %2 (downloading %3)…</source>
        <translation>Simulating %1 %2 (downloading %3)…</translation>
    </message>
    <message>
        <source>Simulating %1 %2…</source>
        <translation>Simulating %1 %2…</translation>
    </message>
    <message>
        <source>Simulation cancelled; its result will be ignored</source>
        <translation>Simulation cancelled; its result will be ignored</translation>
    </message>
    <message>
        <source>Incomplete: %1</source>
        <translation>Incomplete: %1</translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation>Keys: %1</translation>
    </message>
    <message>
        <source>Select a check to read its whole detail</source>
        <translation>Select a check to read its whole detail</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>none: KrakenD answers %1 itself, the request does not reach the backend</source>
        <translation>none: KrakenD answers %1 itself, the request does not reach the backend</translation>
    </message>
    <message>
        <source>none: the validator has no propagate_claims</source>
        <translation>none: the validator has no propagate_claims</translation>
    </message>
    <message>
        <source>left unreplaced: claim %1 is missing</source>
        <translation>left unreplaced: claim %1 is missing</translation>
    </message>
    <message>
        <source>(not reached: %1)</source>
        <translation>(not reached: %1)</translation>
    </message>
    <message>
        <source>(the endpoint has no backend url_pattern)</source>
        <translation>(the endpoint has no backend url_pattern)</translation>
    </message>
    <message>
        <source>Not simulated yet: this endpoint&apos;s keys come from jwk_url %1, and a simulation that runs by itself makes no network request. Simulate downloads them.</source>
        <translation>Not simulated yet: this endpoint&apos;s keys come from jwk_url %1, and a simulation that runs by itself makes no network request. Simulate downloads them.</translation>
    </message>
    <message>
        <source>JWK cache timeline…</source>
        <translation>JWK cache timeline…</translation>
    </message>
    <message>
        <source>When KrakenD downloads this endpoint&apos;s jwk_url key set, and when a rotated kid becomes visible (cache, cache_duration, shared_cache_duration, failed_jwk_key_cooldown)</source>
        <translation>When KrakenD downloads this endpoint&apos;s jwk_url key set, and when a rotated kid becomes visible (cache, cache_duration, shared_cache_duration, failed_jwk_key_cooldown)</translation>
    </message>
    <message>
        <source>KrakenD writes %1 into the request, but the endpoint&apos;s input_headers does not list it: the backend never receives it</source>
        <translation>KrakenD writes %1 into the request, but the endpoint&apos;s input_headers does not list it: the backend never receives it</translation>
    </message>
    <message>
        <source>%1, dropped: not in input_headers</source>
        <translation>%1, dropped: not in input_headers</translation>
    </message>
    <message>
        <source>none: KrakenD would not start, so no request reaches the backend</source>
        <translation>none: KrakenD would not start, so no request reaches the backend</translation>
    </message>
    <message>
        <source>(not reached: KrakenD would not start)</source>
        <translation>(not reached: KrakenD would not start)</translation>
    </message>
    <message>
        <source>Where keys come from. Automatic: the key ring source holding the token&apos;s key id, else the source whose URL is the config&apos;s jwk_url, else the config&apos;s own jwk_local_path / jwk_url. Choosing an entry pins it for this endpoint (every other rule of the config still applies)</source>
        <translation>Where keys come from. Automatic: the key ring source holding the token&apos;s key id, else the source whose URL is the config&apos;s jwk_url, else the config&apos;s own jwk_local_path / jwk_url. Choosing an entry pins it for this endpoint (every other rule of the config still applies)</translation>
    </message>
    <message>
        <source>Waiting for the keys of key ring source “%1”: the simulation runs when they arrive</source>
        <translation>Waiting for the keys of key ring source “%1”: the simulation runs when they arrive</translation>
    </message>
    <message>
        <source>Not simulated: key ring source “%1” has no keys (%2)</source>
        <translation>Not simulated: key ring source “%1” has no keys (%2)</translation>
    </message>
</context>
<context>
    <name>jwb::ui::TestMatrixModel</name>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Expected status</source>
        <translation>Expected status</translation>
    </message>
    <message>
        <source>What the token tests</source>
        <translation>What the token tests</translation>
    </message>
</context>
<context>
    <name>jwb::ui::TestMatrixPanel</name>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Make a token for every case and simulate each one</source>
        <translation>Make a token for every case and simulate each one</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Test tokens</source>
        <translation>Test tokens</translation>
    </message>
    <message>
        <source>Select a case to see its token, claims and curl command</source>
        <translation>Select a case to see its token, claims and curl command</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Decoded claims</source>
        <translation>Decoded claims</translation>
    </message>
    <message>
        <source>curl command</source>
        <translation>curl command</translation>
    </message>
    <message>
        <source>Mint, then select a case</source>
        <translation>Mint, then select a case</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>Decoded</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Copy token</translation>
    </message>
    <message>
        <source>Copy the selected token to the clipboard</source>
        <translation>Copy the selected token to the clipboard</translation>
    </message>
    <message>
        <source>Copy curl</source>
        <translation>Copy curl</translation>
    </message>
    <message>
        <source>Copy the selected case&apos;s curl command</source>
        <translation>Copy the selected case&apos;s curl command</translation>
    </message>
    <message>
        <source>Copy all curl commands</source>
        <translation>Copy all curl commands</translation>
    </message>
    <message>
        <source>Copy a shell script with every case&apos;s curl command and its expected status</source>
        <translation>Copy a shell script with every case&apos;s curl command and its expected status</translation>
    </message>
    <message>
        <source>Export JWK Set for jwk_local_path…</source>
        <translation>Export JWK Set for jwk_local_path…</translation>
    </message>
    <message>
        <source>Save the public JWK Set KrakenD needs to verify these tokens (jwk_local_path)</source>
        <translation>Save the public JWK Set KrakenD needs to verify these tokens (jwk_local_path)</translation>
    </message>
    <message>
        <source>Open in Inspector</source>
        <translation>Open in Inspector</translation>
    </message>
    <message>
        <source>Show the selected token in the inspector</source>
        <translation>Show the selected token in the inspector</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simulate</translation>
    </message>
    <message>
        <source>Send the selected token to the simulator</source>
        <translation>Send the selected token to the simulator</translation>
    </message>
    <message numerus="yes">
        <source>Shell script with %n curl command(s)</source>
        <translation>
            <numerusform>Shell script with %n curl command</numerusform>
            <numerusform>Shell script with %n curl commands</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an endpoint with an auth/validator, then Mint</source>
        <translation>Choose an endpoint with an auth/validator, then Mint</translation>
    </message>
    <message>
        <source>Generate a key fitting the config</source>
        <translation>Generate a key fitting the config</translation>
    </message>
    <message>
        <source>Key ring: %1</source>
        <translation>Key ring: %1</translation>
    </message>
    <message>
        <source>%1 %2  —  alg %3</source>
        <translation>%1 %2  —  alg %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Mint test tokens for this endpoint: each gets the status KrakenD would answer</source>
        <translation>Mint test tokens for this endpoint: each gets the status KrakenD would answer</translation>
    </message>
    <message>
        <source>This endpoint has no auth/validator: KrakenD does not check tokens here</source>
        <translation>This endpoint has no auth/validator: KrakenD does not check tokens here</translation>
    </message>
    <message>
        <source>the key ring source is gone or has no keys</source>
        <translation>the key ring source is gone or has no keys</translation>
    </message>
    <message>
        <source>Cannot mint with &quot;%1&quot;: %2</source>
        <translation>Cannot mint with &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Cannot mint: %1</source>
        <translation>Cannot mint: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) signed with a generated key &quot;%1&quot; (%2). Statuses assume KrakenD verifies with this key&apos;s JWK Set (Export…)</source>
        <translation>
            <numerusform>%n token signed with a generated key &quot;%1&quot; (%2). Statuses assume KrakenD verifies with this key&apos;s JWK Set (Export…)</numerusform>
            <numerusform>%n tokens signed with a generated key &quot;%1&quot; (%2). Statuses assume KrakenD verifies with this key&apos;s JWK Set (Export…)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) signed with the key &quot;%1&quot; (%2). Statuses assume KrakenD verifies with this key&apos;s JWK Set (Export…)</source>
        <translation>
            <numerusform>%n token signed with the key &quot;%1&quot; (%2). Statuses assume KrakenD verifies with this key&apos;s JWK Set (Export…)</numerusform>
            <numerusform>%n tokens signed with the key &quot;%1&quot; (%2). Statuses assume KrakenD verifies with this key&apos;s JWK Set (Export…)</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message numerus="yes">
        <source>Minted %n test token(s)</source>
        <translation>
            <numerusform>Minted %n test token</numerusform>
            <numerusform>Minted %n test tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>Minting…</source>
        <translation>Minting…</translation>
    </message>
    <message>
        <source>%1 — expect %2</source>
        <translation>%1 — expect %2</translation>
    </message>
    <message>
        <source>%1 copied to the clipboard</source>
        <translation>%1 copied to the clipboard</translation>
    </message>
    <message>
        <source>Export shared secret</source>
        <translation>Export shared secret</translation>
    </message>
    <message>
        <source>For %1 the JWK Set holds the shared secret itself (KrakenD verifies HMAC with it). Write it to a file?</source>
        <translation>For %1 the JWK Set holds the shared secret itself (KrakenD verifies HMAC with it). Write it to a file?</translation>
    </message>
    <message>
        <source>Export JWK Set for jwk_local_path</source>
        <translation>Export JWK Set for jwk_local_path</translation>
    </message>
    <message>
        <source>JWK Set (*.json);;All files (*)</source>
        <translation>JWK Set (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Export JWK Set</source>
        <translation>Export JWK Set</translation>
    </message>
    <message>
        <source>JWK Set written to %1</source>
        <translation>JWK Set written to %1</translation>
    </message>
    <message>
        <source>The key that signs the test tokens. Automatic: the key ring&apos;s private key (or secret) for the keys this endpoint verifies with, else a fresh one fitting the config&apos;s alg; or a fresh key; or a key ring source holding a private key (or secret) for it</source>
        <translation>The key that signs the test tokens. Automatic: the key ring&apos;s private key (or secret) for the keys this endpoint verifies with, else a fresh one fitting the config&apos;s alg; or a fresh key; or a key ring source holding a private key (or secret) for it</translation>
    </message>
    <message>
        <source>The keys this endpoint verifies with: the choice Simulate uses for it (choosing an entry pins it for this endpoint on both tabs)</source>
        <translation>The keys this endpoint verifies with: the choice Simulate uses for it (choosing an entry pins it for this endpoint on both tabs)</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Automatic: the key ring&apos;s private key for the endpoint&apos;s keys, else a fresh one</source>
        <translation>Automatic: the key ring&apos;s private key for the endpoint&apos;s keys, else a fresh one</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) signed with the key &quot;%1&quot; (%2) of the key ring. Statuses are KrakenD&apos;s answers with the keys Simulate uses for this endpoint (see Keys)</source>
        <translation>
            <numerusform>%n token signed with the key &quot;%1&quot; (%2) of the key ring. Statuses are KrakenD&apos;s answers with the keys Simulate uses for this endpoint (see Keys)</numerusform>
            <numerusform>%n tokens signed with the key &quot;%1&quot; (%2) of the key ring. Statuses are KrakenD&apos;s answers with the keys Simulate uses for this endpoint (see Keys)</numerusform>
        </translation>
    </message>
    <message>
        <source>Minted again each time it is copied, opened or simulated (last at %1): its exp counts from that moment.</source>
        <translation>Minted again each time it is copied, opened or simulated (last at %1): its exp counts from that moment.</translation>
    </message>
    <message>
        <source>Cannot mint &quot;%1&quot; again: %2</source>
        <translation>Cannot mint &quot;%1&quot; again: %2</translation>
    </message>
    <message>
        <source>Security sweep</source>
        <translation>Security sweep</translation>
    </message>
    <message>
        <source>Also mint attack tokens every gateway must refuse: alg none in four spellings, an embedded jwk, kid path injection, a stripped signature, psychic ECDSA (ES*), a wrong typ</source>
        <translation>Also mint attack tokens every gateway must refuse: alg none in four spellings, an embedded jwk, kid path injection, a stripped signature, psychic ECDSA (ES*), a wrong typ</translation>
    </message>
    <message>
        <source>Run against gateway…</source>
        <translation>Run against gateway…</translation>
    </message>
    <message>
        <source>Send every case to a running gateway you name and compare its answers with the simulation&apos;s</source>
        <translation>Send every case to a running gateway you name and compare its answers with the simulation&apos;s</translation>
    </message>
</context>
<context>
    <name>jwb::ui::Theme</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>jwb::ui::TokenEditor</name>
    <message>
        <source>Encoded token</source>
        <translation>Encoded token</translation>
    </message>
    <message>
        <source>Paste a JWT here: a bare token, an &quot;Authorization: Bearer …&quot; header, a cookie or a JWS JSON document. You can also drop a file.</source>
        <translation>Paste a JWT here: a bare token, an &quot;Authorization: Bearer …&quot; header, a cookie or a JWS JSON document. You can also drop a file.</translation>
    </message>
</context>
<context>
    <name>jwb::ui::TokenFile</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file that contains a token.</source>
        <translation>%1 is a folder; choose a file that contains a token.</translation>
    </message>
    <message>
        <source>%1 is %2 bytes, more than the %3 a token file may have. Tokens are a few kilobytes; is this the right file?</source>
        <translation>%1 is %2 bytes, more than the %3 a token file may have. Tokens are a few kilobytes; is this the right file?</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 could not be opened: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 a token file may have.</source>
        <translation>%1 is larger than the %2 a token file may have.</translation>
    </message>
    <message>
        <source>%1 is not a text file (it contains NUL bytes). A token file holds the token as text.</source>
        <translation>%1 is not a text file (it contains NUL bytes). A token file holds the token as text.</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text. A token file holds the token as text.</source>
        <translation>%1 is not UTF-8 text. A token file holds the token as text.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 is empty.</translation>
    </message>
</context>
<context>
    <name>jwb::ui::TokenRequestDialog</name>
    <message>
        <source>Get Token from Identity Provider</source>
        <translation>Get Token from Identity Provider</translation>
    </message>
    <message>
        <source>https://idp.example.com (OpenID discovery)</source>
        <translation>https://idp.example.com (OpenID discovery)</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>client id</translation>
    </message>
    <message>
        <source>None (public client)</source>
        <translation>None (public client)</translation>
    </message>
    <message>
        <source>Client secret (HTTP Basic)</source>
        <translation>Client secret (HTTP Basic)</translation>
    </message>
    <message>
        <source>Client secret (in the form)</source>
        <translation>Client secret (in the form)</translation>
    </message>
    <message>
        <source>Private key JWT (RFC 7523)</source>
        <translation>Private key JWT (RFC 7523)</translation>
    </message>
    <message>
        <source>saved only in the system keychain</source>
        <translation>saved only in the system keychain</translation>
    </message>
    <message>
        <source>the client&apos;s private key (PEM, JWK)</source>
        <translation>the client&apos;s private key (PEM, JWK)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Client credentials</source>
        <translation>Client credentials</translation>
    </message>
    <message>
        <source>Authorization code + PKCE (browser)</source>
        <translation>Authorization code + PKCE (browser)</translation>
    </message>
    <message>
        <source>Device code (RFC 8628)</source>
        <translation>Device code (RFC 8628)</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Refresh token</translation>
    </message>
    <message>
        <source>openid profile api:read (space-separated)</source>
        <translation>openid profile api:read (space-separated)</translation>
    </message>
    <message>
        <source>audience parameter (optional, space-separated)</source>
        <translation>audience parameter (optional, space-separated)</translation>
    </message>
    <message>
        <source>RFC 8707 resource indicators (optional)</source>
        <translation>RFC 8707 resource indicators (optional)</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Issuer:</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>Client &amp;id:</translation>
    </message>
    <message>
        <source>Client &amp;authentication:</source>
        <translation>Client &amp;authentication:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client &amp;secret:</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Client &amp;key:</translation>
    </message>
    <message>
        <source>&amp;Flow:</source>
        <translation>&amp;Flow:</translation>
    </message>
    <message>
        <source>&amp;Refresh token:</source>
        <translation>&amp;Refresh token:</translation>
    </message>
    <message>
        <source>S&amp;copes:</source>
        <translation>S&amp;copes:</translation>
    </message>
    <message>
        <source>Au&amp;dience:</source>
        <translation>Au&amp;dience:</translation>
    </message>
    <message>
        <source>Reso&amp;urce:</source>
        <translation>Reso&amp;urce:</translation>
    </message>
    <message>
        <source>Re&amp;member the client secret and refresh token in the system keychain</source>
        <translation>Re&amp;member the client secret and refresh token in the system keychain</translation>
    </message>
    <message>
        <source>Tokens obtained open in the Inspector, verified with the issuer&apos;s keys.</source>
        <translation>Tokens obtained open in the Inspector, verified with the issuer&apos;s keys.</translation>
    </message>
    <message>
        <source>&amp;Get Token</source>
        <translation>&amp;Get Token</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Client Private Key</source>
        <translation>Client Private Key</translation>
    </message>
    <message>
        <source>Keys (*.pem *.key *.json *.jwk);;All files (*)</source>
        <translation>Keys (*.pem *.key *.json *.jwk);;All files (*)</translation>
    </message>
    <message>
        <source>Enter the issuer&apos;s URL (https://…).</source>
        <translation>Enter the issuer&apos;s URL (https://…).</translation>
    </message>
    <message>
        <source>Enter the client id.</source>
        <translation>Enter the client id.</translation>
    </message>
    <message>
        <source>Enter the client secret.</source>
        <translation>Enter the client secret.</translation>
    </message>
    <message>
        <source>The client key cannot be used: %1</source>
        <translation>The client key cannot be used: %1</translation>
    </message>
    <message>
        <source>Enter the refresh token (or get one with another flow first).</source>
        <translation>Enter the refresh token (or get one with another flow first).</translation>
    </message>
    <message>
        <source>Sign in in the browser that opened (or open the URL above).</source>
        <translation>Sign in in the browser that opened (or open the URL above).</translation>
    </message>
    <message>
        <source>No browser could be opened: open the URL above to sign in.</source>
        <translation>No browser could be opened: open the URL above to sign in.</translation>
    </message>
    <message>
        <source>User code: &lt;b&gt;%1&lt;/b&gt; (enter it at %2)</source>
        <translation>User code: &lt;b&gt;%1&lt;/b&gt; (enter it at %2)</translation>
    </message>
    <message>
        <source>Reading the provider&apos;s metadata…</source>
        <translation>Reading the provider&apos;s metadata…</translation>
    </message>
    <message>
        <source>No token: %1 (%2)</source>
        <translation>No token: %1 (%2)</translation>
    </message>
    <message>
        <source>access token</source>
        <translation>access token</translation>
    </message>
    <message>
        <source>refresh token (ready for the refresh flow)</source>
        <translation>refresh token (ready for the refresh flow)</translation>
    </message>
    <message>
        <source>ID token</source>
        <translation>ID token</translation>
    </message>
    <message>
        <source> The ID token passed its checks (signature, iss, aud, azp, nonce, exp).</source>
        <translation> The ID token passed its checks (signature, iss, aud, azp, nonce, exp).</translation>
    </message>
    <message>
        <source> The ID token FAILED its checks: %1</source>
        <translation> The ID token FAILED its checks: %1</translation>
    </message>
    <message>
        <source>Got %1 from %2.%3</source>
        <translation>Got %1 from %2.%3</translation>
    </message>
    <message>
        <source>access token from %1</source>
        <translation>access token from %1</translation>
    </message>
    <message>
        <source>ID token from %1</source>
        <translation>ID token from %1</translation>
    </message>
    <message>
        <source>refresh token from %1</source>
        <translation>refresh token from %1</translation>
    </message>
</context>
<context>
    <name>jwb::ui::VerifyPanel</name>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Keys from</source>
        <translation>Keys from</translation>
    </message>
    <message>
        <source>Use the issuer&apos;s keys</source>
        <translation>Use the issuer&apos;s keys</translation>
    </message>
    <message>
        <source>Fetch the signing keys of the token&apos;s issuer (iss) through OpenID Connect discovery and verify with them. The request goes to the issuer&apos;s own server; the token is not sent anywhere.</source>
        <translation>Fetch the signing keys of the token&apos;s issuer (iss) through OpenID Connect discovery and verify with them. The request goes to the issuer&apos;s own server; the token is not sent anywhere.</translation>
    </message>
    <message>
        <source>Paste a secret, a JWK, a JWK Set or a PEM key/certificate</source>
        <translation>Paste a secret, a JWK, a JWK Set or a PEM key/certificate</translation>
    </message>
    <message>
        <source>Key is a shared secret</source>
        <translation>Key is a shared secret</translation>
    </message>
    <message>
        <source>How the secret is written</source>
        <translation>How the secret is written</translation>
    </message>
    <message>
        <source>Open key file…</source>
        <translation>Open key file…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>The only algorithm to accept; by default the key decides</source>
        <translation>The only algorithm to accept; by default the key decides</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>any (comma-separated)</source>
        <translation>any (comma-separated)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Clock skew allowed for exp, nbf and iat</source>
        <translation>Clock skew allowed for exp, nbf and iat</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithm</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Leeway</source>
        <translation>Leeway</translation>
    </message>
    <message>
        <source>Fetch the keys of %1 through OpenID Connect discovery (%1/.well-known/openid-configuration) and verify with them. Only the issuer&apos;s public metadata is requested; the token is not sent.</source>
        <translation>Fetch the keys of %1 through OpenID Connect discovery (%1/.well-known/openid-configuration) and verify with them. Only the issuer&apos;s public metadata is requested; the token is not sent.</translation>
    </message>
    <message>
        <source>The token has no issuer URL (iss) to discover keys from</source>
        <translation>The token has no issuer URL (iss) to discover keys from</translation>
    </message>
    <message>
        <source>Open Key File</source>
        <translation>Open Key File</translation>
    </message>
    <message>
        <source>Keys (*.json *.jwk *.jwks *.pem *.crt *.cer *.key *.der *.pub);;All files (*)</source>
        <translation>Keys (*.json *.jwk *.jwks *.pem *.crt *.cer *.key *.der *.pub);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 4 MiB: not a key file.</source>
        <translation>%1 is larger than 4 MiB: not a key file.</translation>
    </message>
    <message numerus="yes">
        <source>Binary key loaded from %1 (%n byte(s)). Type or paste here to replace it.</source>
        <translation>
            <numerusform>Binary key loaded from %1 (%n byte). Type or paste here to replace it.</numerusform>
            <numerusform>Binary key loaded from %1 (%n bytes). Type or paste here to replace it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching %1: %2</source>
        <translation>Fetching %1: %2</translation>
    </message>
    <message>
        <source>Last refresh failed (using the keys fetched before): %1</source>
        <translation>Last refresh failed (using the keys fetched before): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) from %1</source>
        <translation>
            <numerusform>%n key from %1</numerusform>
            <numerusform>%n keys from %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching keys…</source>
        <translation>Fetching keys…</translation>
    </message>
    <message>
        <source>Give a key to verify</source>
        <translation>Give a key to verify</translation>
    </message>
    <message>
        <source>Paste a key or a secret above, or open a key file.</source>
        <translation>Paste a key or a secret above, or open a key file.</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>No token</translation>
    </message>
    <message>
        <source>Paste a token on the left to verify it.</source>
        <translation>Paste a token on the left to verify it.</translation>
    </message>
    <message>
        <source>
If this is a shared secret, tick “Key is a shared secret”.</source>
        <translation>
If this is a shared secret, tick “Key is a shared secret”.</translation>
    </message>
    <message>
        <source>Key error</source>
        <translation>Key error</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>VALID</translation>
    </message>
    <message>
        <source>The signature and every rule check out.</source>
        <translation>The signature and every rule check out.</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>INVALID</translation>
    </message>
    <message>
        <source>Key used: %1</source>
        <translation>Key used: %1</translation>
    </message>
    <message>
        <source>kid %1</source>
        <translation>kid %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>RFC 7638 thumbprint %1</source>
        <translation>RFC 7638 thumbprint %1</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>Starting the cryptography self-test.</source>
        <translation>Starting the cryptography self-test.</translation>
    </message>
    <message>
        <source>any (e.g. at+jwt)</source>
        <translation>any (e.g. at+jwt)</translation>
    </message>
    <message>
        <source>Require this type in the header&apos;s typ (explicit typing, RFC 8725): at+jwt for OAuth access tokens. Letter case and an &quot;application/&quot; prefix do not matter.</source>
        <translation>Require this type in the header&apos;s typ (explicit typing, RFC 8725): at+jwt for OAuth access tokens. Letter case and an &quot;application/&quot; prefix do not matter.</translation>
    </message>
    <message>
        <source>Allow weak keys</source>
        <translation>Allow weak keys</translation>
    </message>
    <message>
        <source>Verify even with an RSA key under 2048 bits or an Ed25519 key of small order. Such keys are refused by default: they are too weak or accept forged signatures.</source>
        <translation>Verify even with an RSA key under 2048 bits or an Ed25519 key of small order. Such keys are refused by default: they are too weak or accept forged signatures.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Judge as</source>
        <translation>Judge as</translation>
    </message>
    <message>
        <source>Judge the token by the rules below, or exactly as an endpoint of the open krakend.json would (KrakenD&apos;s own checks, in its order)</source>
        <translation>Judge the token by the rules below, or exactly as an endpoint of the open krakend.json would (KrakenD&apos;s own checks, in its order)</translation>
    </message>
    <message>
        <source>Generic rules</source>
        <translation>Generic rules</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Key id</translation>
    </message>
    <message>
        <source>Token from</source>
        <translation>Token from</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Own keys</source>
        <translation>Own keys</translation>
    </message>
    <message>
        <source>KrakenD&apos;s rules for this endpoint, read from krakend.json (change them on the Gateway page). Without a key above, the endpoint&apos;s own keys are used.</source>
        <translation>KrakenD&apos;s rules for this endpoint, read from krakend.json (change them on the Gateway page). Without a key above, the endpoint&apos;s own keys are used.</translation>
    </message>
    <message>
        <source>%1 (no validator)</source>
        <translation>%1 (no validator)</translation>
    </message>
    <message>
        <source>none required</source>
        <translation>none required</translation>
    </message>
    <message>
        <source>— (no auth/validator: KrakenD lets every request through)</source>
        <translation>— (no auth/validator: KrakenD lets every request through)</translation>
    </message>
    <message>
        <source>%1 (unknown to KrakenD: it would not start)</source>
        <translation>%1 (unknown to KrakenD: it would not start)</translation>
    </message>
    <message>
        <source>all of %1</source>
        <translation>all of %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>header %1 (Bearer)</source>
        <translation>header %1 (Bearer)</translation>
    </message>
    <message>
        <source>cookie %1, or header %2</source>
        <translation>cookie %1, or header %2</translation>
    </message>
    <message>
        <source>one of %1 in claim %2</source>
        <translation>one of %1 in claim %2</translation>
    </message>
    <message>
        <source>%1 of %2 in claim %3</source>
        <translation>%1 of %2 in claim %3</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>jwk_local_path %1</source>
        <translation>jwk_local_path %1</translation>
    </message>
    <message>
        <source>jwk_url %1</source>
        <translation>jwk_url %1</translation>
    </message>
    <message>
        <source>Paste a secret, a JWK, a JWK Set or a PEM key/certificate, or leave this empty to use the endpoint&apos;s own keys</source>
        <translation>Paste a secret, a JWK, a JWK Set or a PEM key/certificate, or leave this empty to use the endpoint&apos;s own keys</translation>
    </message>
    <message>
        <source>the key pasted in Verify</source>
        <translation>the key pasted in Verify</translation>
    </message>
    <message>
        <source>Downloading the keys of %1 %2 from %3</source>
        <translation>Downloading the keys of %1 %2 from %3</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>KrakenD&apos;s answer for %1 %2: %3</source>
        <translation>KrakenD&apos;s answer for %1 %2: %3</translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation>Keys: %1</translation>
    </message>
    <message>
        <source>Automatic: the source of the Keys page holding the token&apos;s key id (kid or x5t), else its issuer&apos;s source, else the key pasted here. Or choose one: the key pasted here, or a source of the Keys page (a file, a JWK Set URL, an issuer)</source>
        <translation>Automatic: the source of the Keys page holding the token&apos;s key id (kid or x5t), else its issuer&apos;s source, else the key pasted here. Or choose one: the key pasted here, or a source of the Keys page (a file, a JWK Set URL, an issuer)</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation>Shared secret</translation>
    </message>
    <message>
        <source>Paste the shared secret</source>
        <translation>Paste the shared secret</translation>
    </message>
    <message>
        <source>The HMAC secret the token was signed with, written as the encoding next to “Key is a shared secret” says. It is never logged nor saved with the workspace.</source>
        <translation>The HMAC secret the token was signed with, written as the encoding next to “Key is a shared secret” says. It is never logged nor saved with the workspace.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation>Show or hide the secret</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <source>argument %1</source>
        <translation>argument %1</translation>
    </message>
    <message>
        <source>Open the built-in demo workspace.</source>
        <translation>Open the built-in demo workspace.</translation>
    </message>
    <message>
        <source>Render the main window to FILE (PNG) once it is shown, then quit.</source>
        <translation>Render the main window to FILE (PNG) once it is shown, then quit.</translation>
    </message>
    <message>
        <source>Start on page NAME: inspector, keys, gateway or composer (default: the page the files opened on, else the inspector).</source>
        <translation>Start on page NAME: inspector, keys, gateway or composer (default: the page the files opened on, else the inspector).</translation>
    </message>
    <message>
        <source>Use the light, dark or system theme.</source>
        <translation>Use the light, dark or system theme.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1280x800 (for screenshots).</source>
        <translation>Window size, e.g. 1280x800 (for screenshots).</translation>
    </message>
    <message>
        <source>Do not restore the last session or offer to recover unsaved work.</source>
        <translation>Do not restore the last session or offer to recover unsaved work.</translation>
    </message>
    <message>
        <source>Inspect and verify JSON Web Tokens, manage keys, and author and simulate KrakenD JWT policies.
Each argument that names a file is opened by what it holds: a token (at most 1 MiB), a key or JWK Set, a krakend.json or a workspace (*.jwb.json); any other argument is taken as a token.
Without arguments the last session is restored (the demo workspace on first start).</source>
        <translation>Inspect and verify JSON Web Tokens, manage keys, and author and simulate KrakenD JWT policies.
Each argument that names a file is opened by what it holds: a token (at most 1 MiB), a key or JWK Set, a krakend.json or a workspace (*.jwb.json); any other argument is taken as a token.
Without arguments the last session is restored (the demo workspace on first start).</translation>
    </message>
    <message>
        <source>Tokens, or token, key, JWK Set, krakend.json or workspace files.</source>
        <translation>Tokens, or token, key, JWK Set, krakend.json or workspace files.</translation>
    </message>
    <message>
        <source>jwt-workbench: unknown page &quot;%1&quot; (use inspector, keys, gateway or composer)</source>
        <translation>jwt-workbench: unknown page &quot;%1&quot; (use inspector, keys, gateway or composer)</translation>
    </message>
    <message>
        <source>jwt-workbench: unknown theme &quot;%1&quot; (use light, dark or system)</source>
        <translation>jwt-workbench: unknown theme &quot;%1&quot; (use light, dark or system)</translation>
    </message>
    <message>
        <source>jwt-workbench: --size wants WIDTHxHEIGHT, e.g. 1280x800, not &quot;%1&quot;</source>
        <translation>jwt-workbench: --size wants WIDTHxHEIGHT, e.g. 1280x800, not &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Cryptography self-test</source>
        <translation>Cryptography self-test</translation>
    </message>
    <message>
        <source>Some algorithms are unavailable:

%1</source>
        <translation>Some algorithms are unavailable:

%1</translation>
    </message>
    <message>
        <source>jwt-workbench: could not write the screenshot to %1</source>
        <translation>jwt-workbench: could not write the screenshot to %1</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Cannot open file</translation>
    </message>
    <message>
        <source>Start on tab NAME: decoded (default), claims, findings, signature, verify or decrypt (Inspector); validator, signer, export, lint, simulate, endpoints or tests (Gateway).</source>
        <translation>Start on tab NAME: decoded (default), claims, findings, signature, verify or decrypt (Inspector); validator, signer, export, lint, simulate, endpoints or tests (Gateway).</translation>
    </message>
    <message>
        <source>jwt-workbench: unknown tab &quot;%1&quot; (inspector: decoded, claims, findings, signature, verify, decrypt; gateway: validator, signer, export, lint, simulate, endpoints, tests)</source>
        <translation>jwt-workbench: unknown tab &quot;%1&quot; (inspector: decoded, claims, findings, signature, verify, decrypt; gateway: validator, signer, export, lint, simulate, endpoints, tests)</translation>
    </message>
</context>
</TS>
