// Signs requests with Fedify's RFC 9421 (HTTP Message Signatures) signer, for
// chaikhana/federation/tests/test_rfc9421.py: an independent implementation of the standard.
// stdin: a list of {"url", "method"?, "body"?, "privateKeyPem" (PKCS#8), "keyId"}; stdout: the
// list of the signed requests' headers.
import "./node20.mjs";
import { signRequest } from "@fedify/fedify/sig";

async function sign(input) {
  const der = Buffer.from(
    input.privateKeyPem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""),
    "base64",
  );
  const key = await crypto.subtle.importKey(
    "pkcs8",
    der,
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    true, // Fedify insists on an extractable key
    ["sign"],
  );
  const body = input.body == null ? null : new TextEncoder().encode(input.body);
  const request = new Request(input.url, {
    method: input.method ?? "POST",
    headers: { "Content-Type": "application/activity+json" },
    body,
  });
  const options = { spec: "rfc9421", body: body?.buffer ?? null };
  const signed = await signRequest(request, key, new URL(input.keyId), options);
  return Object.fromEntries(signed.headers);
}

const inputs = JSON.parse(await new Response(process.stdin).text());
const signed = [];
for (const input of inputs) signed.push(await sign(input));
process.stdout.write(JSON.stringify(signed));
