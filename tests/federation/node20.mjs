// Fedify 1.10 asks for Node 22; Debian's Node here is 20, which lacks only
// ArrayBuffer.prototype.transfer (ES2024) among what Fedify uses (byte-encodings' base64).
// A copy stands in for the transfer; the old buffer is simply not detached.
if (!ArrayBuffer.prototype.transfer) {
  Object.defineProperty(ArrayBuffer.prototype, "transfer", {
    value(newLength = this.byteLength) {
      const copy = new ArrayBuffer(newLength);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(newLength, this.byteLength)));
      return copy;
    },
  });
}
