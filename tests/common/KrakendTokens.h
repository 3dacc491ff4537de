#pragma once

// KrakenD's own test tokens, shared by the simulator's and the verification entry point's tests.

namespace jwb::test {

// KrakenD's own tokens (krakend-jose gin/jose_test.go, Example_rs256 / Example_hs256): aud http://api.example.com,
// exp 2051882755, iss http://example.com, jti, roles [role_a, role_b], sub 1234567890qwertyuio.
inline constexpr char kKrakendRs256[]
    = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjIwMTEtMDQtMjkiLCJ0eXAiOiJKV1QifQ."
      "eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoy"
      "MDUxODgyNzU1LCJpc3MiOiJodHRwOi8vZXhhbXBsZS5jb20iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZje"
      "Dk4ZXJ0eXVpb3AiLCJyb2xlcyI6"
      "WyJyb2xlX2EiLCJyb2xlX2IiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9.u1fK05FpXctB-"
      "VkhhT3xu2WSIkEr1_VM71ald-yeKTesxhxg68"
      "TsHFEOBCgoXPuCviOP8QnUKNuVSeyMJh9z3nnrfQIjo9VZ2yicZu6ImYptSQ2DJbR80GDSPp-"
      "H7KnjaR9AAY0HZ0M-KUTaHdLABZFr307nkOeaJn_5j"
      "Mpav7pqa7nrU3sI1CLX5pYVTggG6t7Zoqj2ebzzqdRxQEtdmZkD_NfH-3w3t-H0ylVdeBnPh-RvlspxC_"
      "mJzyUIJ0BwPlZpabppHm1ISySa4kwnwxE"
      "Ynux0oZcb3PSoOZZZA467JySZ69PRlenNPdfGPL6E3uL1nqPHcxhte7ikSG4Q6Q";
inline constexpr char kKrakendHs256[]
    = "eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIiLCJ0eXAiOiJKV1QifQ."
      "eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoyMDUxODgy"
      "NzU1LCJpc3MiOiJodHRwOi8vZXhhbXBsZS5jb20iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZjeDk4ZXJ0eXVpb3AiLCJyb2xlcyI6WyJy"
      "b2xl"
      "X2EiLCJyb2xlX2IiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9.xG6O62h475Y-EknyLFerPOUX6ATKCoIYEq4QsQsuw-Q";

} // namespace jwb::test
