#!/usr/bin/env python3
"""A development stand-in for the city's identity provider, to try single sign-on without one.

It serves an OpenID Connect discovery document and a JWKS on 127.0.0.1, and mints RS256 JWTs signed with its
key (kept in ~/.cache/twinning-dev-issuer). Standard library and the openssl command only. Never use it in
production: anyone who can run it can sign in as anyone.

    python3 bench/oidc/dev-issuer.py serve --port 9100          # prints the issuer URL; leave it running
    TWINNING_OIDC_ISSUER=http://127.0.0.1:9100 TWINNING_OIDC_AUDIENCE=twinning-api ./mvnw quarkus:dev
    python3 bench/oidc/dev-issuer.py token --user kim.sso --groups EDITOR   # prints a JWT for Authorization: Bearer
"""
import argparse
import base64
import http.server
import json
import os
import pathlib
import subprocess
import time
import uuid

HOME = pathlib.Path(os.environ.get("TWINNING_DEV_ISSUER_HOME", pathlib.Path.home() / ".cache" / "twinning-dev-issuer"))
KEY = HOME / "key.pem"
ISSUER_FILE = HOME / "issuer"
KEY_ID = "twinning-dev-issuer"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def ensure_key():
    HOME.mkdir(parents=True, exist_ok=True)
    if not KEY.exists():
        subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", str(KEY)],
                       check=True, capture_output=True)
        KEY.chmod(0o600)


def jwks():
    modulus = subprocess.run(["openssl", "rsa", "-in", str(KEY), "-noout", "-modulus"], check=True,
                             capture_output=True, text=True).stdout.strip().split("=", 1)[1]
    return {"keys": [{"kty": "RSA", "kid": KEY_ID, "use": "sig", "alg": "RS256",
                      "n": b64url(bytes.fromhex(modulus)), "e": b64url((65537).to_bytes(3, "big"))}]}


def serve(args):
    ensure_key()
    issuer = f"http://127.0.0.1:{args.port}"
    ISSUER_FILE.write_text(issuer)
    documents = {
        "/.well-known/openid-configuration": {
            "issuer": issuer, "jwks_uri": issuer + "/jwks", "authorization_endpoint": issuer + "/authorize",
            "token_endpoint": issuer + "/token", "id_token_signing_alg_values_supported": ["RS256"]},
        "/jwks": jwks(),
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            document = documents.get(self.path)
            body = json.dumps(document if document is not None else {"error": "not found"}).encode()
            self.send_response(200 if document is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    print(f"issuer {issuer} (TWINNING_OIDC_ISSUER); mint tokens with: {__file__} token --user NAME --groups EDITOR",
          flush=True)
    http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


def token(args):
    ensure_key()
    issuer = args.issuer or (ISSUER_FILE.read_text().strip() if ISSUER_FILE.exists() else None)
    if not issuer:
        raise SystemExit("start the issuer first (serve), or pass --issuer")
    now = int(time.time())
    claims = {"iss": issuer, "sub": args.sub or args.user, "preferred_username": args.user, "aud": args.audience,
              "groups": args.groups, "iat": now, "exp": now + 60 * args.minutes, "jti": str(uuid.uuid4())}
    header = {"alg": "RS256", "typ": "JWT", "kid": KEY_ID}
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}".encode()
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", str(KEY)], input=signing_input, check=True,
                               capture_output=True).stdout
    print(f"{signing_input.decode()}.{b64url(signature)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    serving = commands.add_parser("serve", help="serve discovery and keys")
    serving.add_argument("--port", type=int, default=9100)
    minting = commands.add_parser("token", help="print a signed JWT")
    minting.add_argument("--user", required=True, help="preferred_username")
    minting.add_argument("--sub", help="subject (default: the user)")
    minting.add_argument("--groups", nargs="*", default=["EDITOR"], help="the groups claim (default: EDITOR); EDITOR and/or ADMIN are roles, a bare --groups mints a token without one")
    minting.add_argument("--audience", default="twinning-api")
    minting.add_argument("--minutes", type=int, default=60)
    minting.add_argument("--issuer", help="default: the one serve last printed")
    args = parser.parse_args()
    (serve if args.command == "serve" else token)(args)


if __name__ == "__main__":
    main()
