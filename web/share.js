// Sharing the result's link: the system share sheet where the browser has one (Web Share API), else the
// clipboard, else a selected text field the reader copies themselves (WeChat's in-app browser has no
// address bar, and may have neither API). Returns how it went: "shared", "cancelled", "copied" or "manual".
export async function shareLink({ url, title, nav = globalThis.navigator, copyFallback = null }) {
  if (nav && typeof nav.share === "function") {
    try {
      await nav.share({ title, url });
      return "shared";
    } catch (error) {
      if (error && error.name === "AbortError") return "cancelled";
    }
  }
  if (nav && nav.clipboard && typeof nav.clipboard.writeText === "function") {
    try {
      await nav.clipboard.writeText(url);
      return "copied";
    } catch (error) { /* no permission: the text field below */ }
  }
  if (copyFallback && copyFallback(url)) return "copied";
  return "manual";
}
