// The photo check: the file's format from its first bytes and its size in KB, on this device only.
import { el } from "./dom.js";
import { fmt } from "./format.js";

// head: the first bytes (Uint8Array); name: the file name; size: bytes. KB = 1024 bytes, not rounded.
export function sniffPhoto(head, name, size) {
  const isJpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  const isPng = head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47;
  const format = isJpeg ? "jpg" : isPng ? "png" : "other";
  const ext = (name.split(".").pop() || "").toLowerCase();
  const byExtension = ["jpg", "jpeg"].includes(ext) ? "jpg" : ext === "png" ? "png" : "other";
  return { format, sizeKb: size / 1024, extensionMismatch: byExtension !== format };
}

// onResult({photo_format, photo_size_kb}) is called with the answers to set.
export function photoPicker(T, onResult) {
  const input = el("input", { type: "file", id: "q-photo-file", accept: ".jpg,.jpeg,.png,image/jpeg,image/png",
    "aria-describedby": "h-photo-file" });
  const out = el("p", { class: "wizard-help", id: "h-photo-file", "aria-live": "polite" });
  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      const photo = sniffPhoto(new Uint8Array(await file.slice(0, 8).arrayBuffer()), file.name, file.size);
      out.textContent = fmt(T.photo_result, { name: file.name, format: T.photo_formats[photo.format], size: photo.sizeKb.toFixed(1) })
        + (photo.extensionMismatch ? " " + fmt(T.photo_ext_mismatch, { format: T.photo_formats[photo.format] }) : "");
      onResult({ photo_format: photo.format, photo_size_kb: photo.sizeKb });
    } catch (error) {
      out.textContent = fmt(T.photo_error, { reason: String(error && error.message || error) });
    }
  });
  return el("div", { class: "wizard-question wizard-photo" }, el("label", { for: "q-photo-file" }, T.photo_pick), input, out);
}
