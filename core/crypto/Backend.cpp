#include "crypto/Backend.h"

#include "crypto/Key.h"
#include "crypto/Signature.h"
#include "crypto/SignaturePrivate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QtCrypto>

#include <openssl/crypto.h>
#include <openssl/opensslv.h>
#include <sodium.h>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>

namespace jwb::crypto {

using common::Result;

namespace {

// Known answers: keys from RFC 7515 A.1-A.4 and RFC 8037 A.1 (P-384 generated once), signatures over kMessage
// made with Node.js crypto (an independent implementation). ES*/PS* signatures are randomised, so for those
// only verification of the stored answer is a known-answer test; HS*, RS* and EdDSA must also reproduce it.
const char kRSAPem[] = "-----BEGIN PRIVATE KEY-----\n"
                       "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCh+BYK4uPJtGXO\n"
                       "jS1lYmM2K5J9vinh8CR3/BYlzJChNuOL2TSXxbbqY913EeZ8dCn5VrD7io8ImtxL\n"
                       "aYk8wTM/U+3QGbh3hCUv7JFP5IV3aVlL6kKA0ywPVb9ilE8TA5a8bpvfbr3SvaNn\n"
                       "juygxmj3AbONv/s4yDQs4v5tJ/reSlpIdJed1LnPmt7Ex1sFhSwsD174pcF1A5L5\n"
                       "ROjtZMEQxrZHYJqkeDrrnGya11UxMFBji4NmXG9veoKjlnAqH2QbgtPr8jkiGUkf\n"
                       "toaHLFcW9Qr4NY2ai50Xw0Byj3+H2JoY2PyrZ62EWQwuz3WTOTY8BwNNb2BvniHg\n"
                       "VFbK5emhAgMBAAECggEAEq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyW\n"
                       "PEAeP88vLNO97IjlA7/GQ5sLKMgvfTeXZx9SE+7YwVol2NXOoAJe46sui395IW/G\n"
                       "O+pWJ1O0BkTGoVEn2bKVRUCgu+GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzj\n"
                       "kn439X0M/V51gfpRLI9JYanrC4D4qAdGcopV/0ZHHzQlBjudU2QvXt4ehNYTCBr6\n"
                       "XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl/x/jTj3ccPDVZFD9pIuhLhBOneufuBiB\n"
                       "4cS98l2SR/RQyGWSeWjnczT0QU91p1DhOVRuOopznQKBgQDgHMQQ60imZV1URk0K\n"
                       "pLttoLhyt3SmqdEf/kgHePDdtzEafpAu+cS191R2JiuoF2yzWXnwFDcqGigp5BNr\n"
                       "0AHQfD8/Lk8l1Mk09jxxCfui5nYooNyac8YFjm3vItzVCVDnEd3BbVWG8qf6deqE\n"
                       "lMGAg+C2V0L4oNXnP7LZcPAZRwKBgQC5A8R+CZW2MvRTLLHzwZkUXV866cff7tx6\n"
                       "kqa0finGG0KgeqlaZPxgCZnFp7AeAcCMtiynVlJ7vMVgePsLq6XtON4tB5kP9jAP\n"
                       "rq3rbAOal78eUH5OcED6eNuCV8ixEu1eWcPNCS/l1OW1EnXUEoEHKl54Xrrz2uNw\n"
                       "kgMTP1FZ1wKBgAcCn1dwJKufzBWQxWQp1vsM5fggqPN1qGb5y0MAk3g7/Ls5bkUp\n"
                       "5u9SN0Ai3Ya6hNnvWJMb7sXQX6U/zyO2M/hTip7tUeh7CXgwo59dkpN75gJLVds2\n"
                       "9+DAncu3KXU4f2Fa+7bLNrur53k8KwPOq2bbuTG69QtV7Jr5MR0AHWKNAoGBAIf/\n"
                       "evpitUf+4JYbLpvNXWcY052Mpz22aR84mY3nh3F2LF2mjMJDpTg7FmuyPcVw6EcG\n"
                       "yoAe9fa65iNqCq+jdw6PVNGo2hxfjSiZ8IIzHdsPXI89//pMjZcQK9r+CCoRjaZj\n"
                       "OYiIDktVWZzmevJuv6WywUqd57LE3Zar3dLSIkx1AoGAIYd7DHOhrWvxkwPQsRM2\n"
                       "tOgrjbcrfvtQJipd+DlcxyVuuM9sQLdgjVk2oy26F0EmpScGLq2MowX7fhd/QJQ3\n"
                       "ydy5cY7YIBi87w93IKLEdfnbJtoOPLUW0ITrJReOgo1cq9SbsxYawBgfp/gh6A56\n"
                       "03k2+ZQwVK0JKSHuLFkuQ3U=\n"
                       "-----END PRIVATE KEY-----\n";

const char kP256Pem[] = "-----BEGIN PRIVATE KEY-----\n"
                        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgjpsQnnGQmL+YBIff\n"
                        "H1136cspYG6+0iY7X1fCE9+E9LKhRANCAAR/zc4ncPbEXUGDy+5v20t7WAczNXvp\n"
                        "7xO6z248e9FURcfxRM0bvZt+hyzf7bnuufSzaV1uqQskrYpGIyiFiOWt\n"
                        "-----END PRIVATE KEY-----\n";

const char kP384Pem[] = "-----BEGIN PRIVATE KEY-----\n"
                        "MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDC0pBEpYo29ERaJ2mt8\n"
                        "E7pzzDXK9BPQuPZqtB8UY+wzCvUG0TdNwf/spk8N8PQ04s+hZANiAAR1rs/rfBSx\n"
                        "+JW7bJ4S+iWFiJHuaPG8f+B+cNwm67r+TtGFc2paKYqyH7V13r933ZbEbO0riXDf\n"
                        "AtL79bX5q34abIninBe9OhWjFBpxu6HmZavWk14vyz8MqXUbbfg228Q=\n"
                        "-----END PRIVATE KEY-----\n";

const char kP521Pem[] = "-----BEGIN PRIVATE KEY-----\n"
                        "MIHuAgEAMBAGByqGSM49AgEGBSuBBAAjBIHWMIHTAgEBBEIBjmlvsDRQWIHdEQtI\n"
                        "Prh9Ms5JX+NrN0Xt8tjK5PDyU59GFaDpjqtSs8DF6sTOB1GFqOe7R96sHR3ne8z2\n"
                        "YTXmPYKhgYkDgYYABAHpKQUPEk/GvFXH1TkzZd+d70qwwiyyV5j5NOsE48a643Aa\n"
                        "V6eRDp2BvzYxWejryxVdY0n0vbbM+KlMXFnHqsEBpAA0pkQON2dQ0jcf0b3CyPO3\n"
                        "HS9O5eo0MsgVzKMVYP5dk4fsd0tVg4Yw5cu/Woy+CpHdAGTGmZofbm5n+t3t5MjI\n"
                        "9g==\n"
                        "-----END PRIVATE KEY-----\n";

// secp256k1 (ES256K), generated once with Node.js.
const char kSecp256k1Pem[] = "-----BEGIN PRIVATE KEY-----\n"
                             "MIGEAgEAMBAGByqGSM49AgEGBSuBBAAKBG0wawIBAQQgPHf4Sbi8AA5mT2HlNqpy\n"
                             "PG7bZEqpMiFmgwPsiKwR0W+hRANCAAQkj4LnVLfa+srBIVapdVOVaoNSN6h0WcJD\n"
                             "ZqJYSi2jc9od/+Ocz/TyOgckndRG4SPPrzk9Or3mfeXeq+J2ilph\n"
                             "-----END PRIVATE KEY-----\n";

// The Ed448 key of RFC 8032 §7.4 ("-----Blank"), as raw halves (d, x).
const char kEd448PrivateB64u[] = "bIKlYsuAjRDWMr6JyFE-v2ySnzTd-oyfY8mWDvbjSKNSjIo_zC8ETjmj_FuUSS-PAy51SaIAmPlb";
const char kEd448PublicB64u[] = "X9dEm1m0Yf0s54fsYWrUah2hNCSFpw4fig6nXYDpZ3jt8SR2m0bHBhvWeD3x5Q9s0foavq_oJWGA";
const char kEd448KeyId[] = "Ed448 (RFC 8032 7.4)";

// The Ed25519 key of RFC 8037 A.1, as its two raw halves (d, x): loading it from them skips OpenSSL's PKCS#8 decoder
// and a public-half round trip, which cost more than the rest of the EdDSA self-test (which a one-token `verify`
// pays). If they were not the key the known answer was made with, signing could not reproduce it.
const char kEDPrivateB64u[] = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
const char kEDPublicB64u[] = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
const char kEDKeyId[] = "Ed25519 (RFC 8037 A.1)"; // identifies the key in testKey's cache, as the PEMs do theirs

const char kOctSecretB64u[] = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
const char kMessage[] = "JWT Workbench known-answer test";

struct Vector
{
    Algorithm alg;
    const char *signatureB64u;
};
const Vector kVectors[] = {
    {Algorithm::HS256, "yLcYjtihh-Gl-P-NPPGipMS-HF8Iqrzxip5EdHkhc20"},
    {Algorithm::RS256,
        "ZJP7M-_CC6livBYnPd6JuKW9unMp6fplS-cT_vE2DpoywzImrpElGxkuXV8pR9UDAv3qeZQRYynxxnSrbD1O4L2xPgZqZin9rCfI_"
        "jAmiiTVBzvUIQ9-z9U8QFK9a44Czkne_0a30DazK_kIXMFhv8kHaF363GJr8_"
        "D52Jzx95wTXJntdxd5hY1mAelYLbbYUnh330VgGOx6ImP29CocgawEErLcu-DAQFh4c-yfkMdB6p7Z_HtUA3xYfl3huESic-"
        "RDJhhdL1n0B8LSETlDrCZ_pJuNdoF6h2NUpWngBTu-kEw0D0aa_kFkNf3UliFna0C5BUadLOaEnv4Ko7-QNA"},
    {Algorithm::PS256,
        "hIexyjwLbYZwUpzIrJuPIFYzU7_I78iMCBYAtBzE5oWtLn6fj3YmNZzvmbNd2acTxKQwjwB1PueORnYH8kv1-JBuUeVhNUSaHNAnMMOjjMlx0_"
        "m-FOxi7BLxQWRkgnlB2-uLsaMYdWBYF8-bWI8P8ntDp6LAYCSwQqSzZGuGant_TQyh3OLIScx3LTXI3Xr-"
        "gKLCtAN6DUg10xx8PoThodFF1QTKRTy3yp9vxtale84NZD_"
        "6SRMbwLHSHHCXaly14u9VLGA8fpVJceesZgTp9DHK4jlETyGx4Zmyul5LlH6PhvTnKw8SX-3ot7Lo5p0hYFxg3cu0l9OwgmKGaUzfVg"},
    {Algorithm::HS384, "Klvoh5wSfn-u5DQSpjhZCfWrlyrkZWC2SWxfTsTL-ahFPVWDeQ3NXRJ_s46QkTot"},
    {Algorithm::RS384,
        "oVU6rxai22a7jGHD6jiVYXsEb_HbwE5nrDU47nuwfBgXHYJvEaKMYL2wWko-XRp-tNbt_"
        "WcLfmO9mvQvX7DgCTosr4T96S6sSRpLN02YG5xI40BmlgyI_6lNAx0HtdtqllSJhI3gYbchjijZyByRYF7vM8jHZKSdWUp-"
        "7ZmM9veWV0eQyg77t0AgCdEDEXAeymT5uyvZVVCCtAhGzV8qBU8wXAVyuhGZtxijF-OSH4sO0ZngsSjbWsQVp1Ol8eiumV-K0Za8O1GDsWa8Q_"
        "6lgiEu6QulyIas1OVoMdS9zuICLwZWK4Ovw2EQ-4RGzYzM-IS2zF7_BJksnUOHk3Xdvg"},
    {Algorithm::PS384,
        "AnsDHC351r5z_EdFGFURmXKDkDDKq7gGcS8Ke1lVYbcMvhIleYsn5lQkmzfUxgdFox6Qz6V2W3gP-k842ZAxs9vVTAKbcY5UmX-V7iZRJ_"
        "V9g9Crmg_hZJ8nWosfrSOzAa-FK8uvJYTyqt4PhW5R_Vi1CvAeVIOoBbfDLq4PdUGjupBijGOlRdjuMuob_"
        "vdIxXwl3KbX7HSZ2oHCFrMVlJ0uVn7vExtzgx9C3gXbBPy-NSfbkfw3-"
        "Lhf2JPEGncOoUa9mBDMGMtJYAG8G3UNqgU0Td0u7EZ0bj4oJyPiMQ0Uqt9PTlMRgr1Hznp2RQnQViIHnSMOutHfiSvdan5fFg"},
    {Algorithm::HS512, "yFKiQzF3KTZmOcO1jmC5sI_cLxWX9Vvnnb6RqAcA0XxDs-mJ5x871rFEVba3xNeNjqjj3H-uvq44gA456iqOKA"},
    {Algorithm::RS512,
        "mMrSS7uoWNal3olFgSE6cngEPTUFrOQsJdMFDcE6BHAsdBRWRUZfmOW_"
        "sXDRhpMk8Y79SRH7CKnwEekjM5RwuhfwYKOVMwE4U8VJaYAoHjeYqjL88jyN4g7vY5z2s1QH85Bk_"
        "Lk5Su56P55Tfbje00d3l4cr1oblQoijPNaCpomI7djVPbjb2E0IlJUGVXFrPXI5afsskL1TTg0FyDUFnUth1yLBhcMHS-o-"
        "gzURQo80XgBAGz8V-IOOnsfzW-Brpf2hCumOzlZo4VI-JoijbPT-c51ODM2F2KHlGQoBVPuFzYxW9dkDdjo2otsh_B028H2l7-KdgBU-"
        "t5P6CBiFrQ"},
    {Algorithm::PS512,
        "oXwBg-jMn68F313XbBNkJic9U_pjCPRXhbr-eTXIldSkpPuD29UQOt5RQg7E-gSbHpd-sG15kK9kWDo4mgDQZin_"
        "ER5PWgxcFCAnykLbRFOcMMOZW1Z_zvLPYDQP3R6Pp6t8gke9kkxzVVCU5qKEIoc9IKAUCKVCkvkJ-t--K9Hte6EXr-"
        "MKJmssE51K87MS5AHNLuNmpBoRUo938RTjw2o5xPFLBgtkouU6JnM-"
        "uFn21epZ2ALQJpPcLAgpaLYerDstxQ1DY0FZo6tNH32RSnBzwBtKT9seIoL3uCLkj-O5o-_"
        "lJMHLHQKnqwBhiqwHtO6EtkVcWAoJfNb3oF9CBA"},
    {Algorithm::ES256, "VL_8yZCUnZ296R6TJbJYnVt6d-BHpXJeeiQnTe1vNIyhyX0WgySU2SUUSBQkDbBRkU7HW9DwUVdJmMtsp5KYJA"},
    {Algorithm::ES384,
        "aDC2dkMeTf7dqeHbanPC91aHHXJX35gNmoaNLkIfEr37Z2YA1M_HYnyb4xrkXHdTjmK-DHwf7eqsjx23fEH1X5KL_X-1bk1X5Gq7G6OT3IJ5_"
        "c5ImhBHyy8cNTvmnzfK"},
    {Algorithm::ES512,
        "ATT_xy5qXYjg9dRYhC5iX-cIrnbxXsU8PV34HzNSlzKMzRubKsCGNOkwawHl-uKN_rfL3fA1xDN605_9iHDtUE-zAVqe__"
        "GdYPl7w2AiaPOLvj0ifoLJeeqUSHwco3aX7FUJZZ0jsT8jCHsCxlJUGuhbXS_4K0BDIF0wpO1bNplklj2w"},
    {Algorithm::EdDSA, "76Mu9YtXO8Q54wooxHrBxTilRQBVxRNju6YjK6JNEyA0_z_Hj-218xYf4kqVl-fE9T5kh-Eld3ENwOLQva9dAQ"},
    {Algorithm::ES256K, "XcWgPzrVta6PtgBG2b30far-wpxZ1jCyO0-eiwrmftk6BwwCUyEm_INJXJTg2ECmuESb_eYC8km6JXfYGcga9A"},
    // RFC 9864's Ed25519 is EdDSA on an Ed25519 key: the same signature.
    {Algorithm::Ed25519, "76Mu9YtXO8Q54wooxHrBxTilRQBVxRNju6YjK6JNEyA0_z_Hj-218xYf4kqVl-fE9T5kh-Eld3ENwOLQva9dAQ"},
    {Algorithm::Ed448,
        "sXH22kcJywBTI_DIY2Zgbr7xiw8FgbIFQZNdNgH-mBPxFwAMwiFwXFFWWfmbnYE-eBjemJofjiEAaXX5yaDzs_"
        "nDRHu39rHbe1_SIVxneoYmsonPTED9XrG4w3gEH2n0Dnkc1Xx--PLPtnl0Gnro9RwA"},
};

QByteArray b64u(const char *text)
{
    return QByteArray::fromBase64(QByteArray(text), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/// The PEM of an algorithm's test key (for EdDSA, Ed25519 and Ed448 a key id: those keys are built from raw halves);
/// null for HMAC.
const char *pemFor(Algorithm alg)
{
    switch (Algorithms::family(alg)) {
    case AlgorithmFamily::RsaPkcs1:
    case AlgorithmFamily::RsaPss:
        return kRSAPem;
    case AlgorithmFamily::Ecdsa:
        return alg == Algorithm::ES256 ? kP256Pem
            : alg == Algorithm::ES384  ? kP384Pem
            : alg == Algorithm::ES256K ? kSecp256k1Pem
                                       : kP521Pem;
    case AlgorithmFamily::EdDsa:
        return alg == Algorithm::Ed448 ? kEd448KeyId : kEDKeyId;
    case AlgorithmFamily::Hmac:
        break;
    }
    return nullptr;
}

bool deterministic(Algorithm alg)
{
    const AlgorithmFamily f = Algorithms::family(alg);
    return f == AlgorithmFamily::Hmac || f == AlgorithmFamily::RsaPkcs1 || f == AlgorithmFamily::EdDsa;
}

/// The test key of an algorithm (private) and its public half, each parsed once per process.
struct TestKey
{
    common::Result<Key> priv = Result<Key>::failure(QString(), QString());
    Key pub;
};

const TestKey &testKey(Algorithm alg)
{
    static QHash<const char *, TestKey> cache;
    const char *pem = pemFor(alg);
    auto it = cache.find(pem);
    if (it == cache.end()) {
        TestKey k;
        if (pem == kEDKeyId || pem == kEd448KeyId) {
            const bool ed448 = pem == kEd448KeyId;
            const Curve curve = ed448 ? Curve::Ed448 : Curve::Ed25519;
            const QByteArray x = b64u(ed448 ? kEd448PublicB64u : kEDPublicB64u);
            k.priv = Key::fromOkp({curve, x, b64u(ed448 ? kEd448PrivateB64u : kEDPrivateB64u)});
            if (auto pub = Key::fromOkp({curve, x, {}}); pub)
                k.pub = pub.value();
        } else {
            k.priv = pem ? Key::fromPem(QByteArray(pem)) : Key::fromSecret(b64u(kOctSecretB64u));
            if (k.priv)
                k.pub = k.priv->publicKey();
        }
        it = cache.insert(pem, k);
    }
    return *it;
}

/// Runs the self-test of one algorithm; returns an empty string on success, else what failed. It calls the
/// primitives without the availability check (which would wait for this very test).
QString selfTest(Algorithm alg)
{
    const TestKey &tk = testKey(alg);
    const common::Result<Key> &key = tk.priv;
    if (!key)
        return QStringLiteral("cannot load the test key: %1").arg(key.error().message);
    const QByteArray message(kMessage);
    QByteArray expected;
    for (const auto &v : kVectors)
        if (v.alg == alg)
            expected = b64u(v.signatureB64u);
    // Ed25519 verifies through libsodium (Strict) and OpenSSL (GoJose, the KrakenD simulator's): both are tested.
    QList<VerifyFlavour> flavours {VerifyFlavour::Strict};
    if (Algorithms::family(alg) == AlgorithmFamily::EdDsa && alg != Algorithm::Ed448)
        flavours << VerifyFlavour::GoJose;
    for (const VerifyFlavour flavour : std::as_const(flavours))
        if (auto ok = Signature::unchecked::verify(alg, tk.pub, message, expected, flavour); !ok)
            return QStringLiteral("known-answer verification failed: %1").arg(ok.error().message);
    auto sig = Signature::unchecked::sign(alg, key.value(), message);
    if (!sig)
        return QStringLiteral("signing failed: %1").arg(sig.error().message);
    if (deterministic(alg) && sig.value() != expected)
        return QStringLiteral("signature differs from the known answer");
    for (const VerifyFlavour flavour : std::as_const(flavours)) {
        // A deterministic algorithm's own signature is the known answer, verified above.
        if (!deterministic(alg))
            if (auto ok = Signature::unchecked::verify(alg, tk.pub, message, sig.value(), flavour); !ok)
                return QStringLiteral("own signature does not verify: %1").arg(ok.error().message);
        if (Signature::unchecked::verify(alg, tk.pub, message + '!', sig.value(), flavour))
            return QStringLiteral("a tampered message was accepted");
    }
    return QString();
}

constexpr std::size_t kAlgorithmCount = 16;

std::size_t slot(Algorithm alg)
{
    return static_cast<std::size_t>(alg);
}

std::unique_ptr<Backend> g_backend;
std::atomic<const Backend *> g_published {nullptr};
std::once_flag g_once;

} // namespace

/// What is filled in lazily. One mutex serialises every self-test and QCA's initialisation (they share the test
/// keys' cache and QCA's global state); the atomics let a finished test be read without it.
struct Backend::Lazy
{
    std::mutex mutex;
    std::atomic<bool> qcaLoaded {false};
    std::unique_ptr<QCA::Initializer> qcaInit;
    QString qcaVersion;
    QStringList qcaProviders;
    bool qcaOssl = false;
    std::array<std::atomic<bool>, kAlgorithmCount> tested {};
    std::array<Capability, kAlgorithmCount> capabilities {};
    QStringList problems;
    std::atomic<qint64> micros {0};
    std::atomic<bool> all {false};
    QList<Capability> list;

    // Both with the mutex held.
    void loadQca()
    {
        if (qcaLoaded.load(std::memory_order_acquire))
            return;
        QElapsedTimer timer;
        timer.start();
        qcaInit = std::make_unique<QCA::Initializer>(QCA::Practical, 64);
        qcaVersion = QString::fromLatin1(qcaVersionStr());
        const QCA::ProviderList providers = QCA::providers();
        for (QCA::Provider *p : providers)
            qcaProviders.append(p->name());
        qcaOssl = qcaProviders.contains(QStringLiteral("qca-ossl"));
        if (!qcaOssl)
            problems.append(QStringLiteral("QCA's OpenSSL plugin (qca-ossl) was not found in %1: HS* and RS* are "
                                           "unavailable. Install it (make deps) or point QCA_PLUGIN_PATH at it.")
                                .arg(QCA::pluginPaths().join(QStringLiteral(", "))));
        micros += timer.nsecsElapsed() / 1000;
        qcaLoaded.store(true, std::memory_order_release);
    }

    void test(Algorithm alg, const QString &opensslVersion, const QString &sodiumVersion)
    {
        if (tested[slot(alg)].load(std::memory_order_acquire))
            return;
        QElapsedTimer timer;
        timer.start();
        Capability c;
        c.algorithm = alg;
        const bool viaQca = Algorithms::backendName(alg) == u"QCA";
        if (viaQca)
            loadQca();
        c.backend = viaQca ? QStringLiteral("QCA %1 (qca-ossl)").arg(qcaVersion)
            : Algorithms::family(alg) == AlgorithmFamily::EdDsa && alg != Algorithm::Ed448
            ? QStringLiteral("libsodium %1 (verification), %2 (keys, signing, KrakenD simulation)")
                  .arg(sodiumVersion, opensslVersion)
            : opensslVersion;
        if (viaQca && !qcaOssl) {
            c.detail = QStringLiteral("QCA plugin qca-ossl missing");
        } else {
            QString failure = selfTest(alg);
            // For tests of what follows a failure: JWB_SELFTEST_FAIL=ALG[,ALG...] fails those algorithms' self-tests.
            // It can only take algorithms away.
            if (failure.isEmpty()
                && QString::fromLocal8Bit(qgetenv("JWB_SELFTEST_FAIL")).split(u',').contains(Algorithms::name(alg)))
                failure = QStringLiteral("self-test failure simulated (JWB_SELFTEST_FAIL)");
            c.available = failure.isEmpty();
            c.detail = failure.isEmpty() ? QStringLiteral("known-answer self-test passed") : failure;
            if (!failure.isEmpty())
                problems.append(QStringLiteral("%1 disabled: %2").arg(Algorithms::name(alg), failure));
        }
        capabilities[slot(alg)] = c;
        micros += timer.nsecsElapsed() / 1000;
        tested[slot(alg)].store(true, std::memory_order_release);
    }
};

Backend::Backend() : m_lazy(std::make_unique<Lazy>())
{
    m_opensslVersion = QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
    m_sodiumVersion = Signature::ed25519SodiumReady() ? QString::fromLatin1(sodium_version_string())
                                                      : QStringLiteral("(libsodium failed to initialise)");
}

Backend::~Backend() = default;

const Backend &Backend::instance()
{
    std::call_once(g_once, [] {
        g_backend.reset(new Backend());
        g_published.store(g_backend.get(), std::memory_order_release);
    });
    return *g_backend;
}

const Backend &Backend::initialize()
{
    const Backend &b = instance();
    b.ensureAll();
    return b;
}

bool Backend::isInitialized()
{
    const Backend *b = g_published.load(std::memory_order_acquire);
    return b && b->m_lazy->all.load(std::memory_order_acquire);
}

void Backend::ensureQca() const
{
    if (m_lazy->qcaLoaded.load(std::memory_order_acquire))
        return;
    std::lock_guard lock(m_lazy->mutex);
    m_lazy->loadQca();
}

void Backend::ensure(Algorithm alg) const
{
    if (m_lazy->tested[slot(alg)].load(std::memory_order_acquire))
        return;
    std::lock_guard lock(m_lazy->mutex);
    m_lazy->test(alg, m_opensslVersion, m_sodiumVersion);
}

void Backend::ensureAll() const
{
    if (m_lazy->all.load(std::memory_order_acquire))
        return;
    std::lock_guard lock(m_lazy->mutex);
    if (m_lazy->all.load(std::memory_order_relaxed))
        return;
    m_lazy->loadQca(); // the report lists QCA's providers even when no QCA algorithm were asked for
    for (Algorithm alg : Algorithms::all()) {
        m_lazy->test(alg, m_opensslVersion, m_sodiumVersion);
        m_lazy->list.append(m_lazy->capabilities[slot(alg)]);
    }
    m_lazy->all.store(true, std::memory_order_release);
}

bool Backend::isAvailable(Algorithm alg) const
{
    return capability(alg).available;
}

const QList<Capability> &Backend::capabilities() const
{
    ensureAll();
    return m_lazy->list;
}

const Capability &Backend::capability(Algorithm alg) const
{
    if (slot(alg) >= kAlgorithmCount) {
        static const Capability none;
        return none;
    }
    ensure(alg);
    return m_lazy->capabilities[slot(alg)];
}

bool Backend::hasSelfTested(Algorithm alg) const
{
    return slot(alg) < kAlgorithmCount && m_lazy->tested[slot(alg)].load(std::memory_order_acquire);
}

bool Backend::isQcaLoaded() const
{
    return m_lazy->qcaLoaded.load(std::memory_order_acquire);
}

QString Backend::qcaVersion() const
{
    ensureQca();
    return m_lazy->qcaVersion;
}

QStringList Backend::qcaProviders() const
{
    ensureQca();
    return m_lazy->qcaProviders;
}

QStringList Backend::problems() const
{
    std::lock_guard lock(m_lazy->mutex);
    return m_lazy->problems;
}

qint64 Backend::selfTestMicroseconds() const
{
    return m_lazy->micros.load();
}

QString Backend::report() const
{
    ensureAll();
    QStringList lines;
    const QStringList providers = qcaProviders();
    lines << QStringLiteral("QCA %1 (providers: %2)")
                 .arg(
                     qcaVersion(), providers.isEmpty() ? QStringLiteral("none") : providers.join(QStringLiteral(", ")));
    lines << m_opensslVersion;
    lines << QStringLiteral("libsodium %1 (Ed25519 verification)").arg(m_sodiumVersion);
    QStringList ok, bad;
    for (const auto &c : capabilities())
        (c.available ? ok : bad).append(Algorithms::name(c.algorithm));
    lines << QStringLiteral("Algorithms (self-test passed in %1 ms): %2")
                 .arg(QString::number(selfTestMicroseconds() / 1000.0, 'f', 1), ok.join(u' '));
    if (!bad.isEmpty())
        lines << QStringLiteral("UNAVAILABLE: %1").arg(bad.join(u' '));
    for (const auto &p : problems())
        lines << QStringLiteral("problem: %1").arg(p);
    return lines.join(u'\n');
}

} // namespace jwb::crypto
