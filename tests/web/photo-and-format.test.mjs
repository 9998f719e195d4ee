// The photo check and the page's small formatting helpers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fmt, guideHref } from "../../web/format.js";
import { sniffPhoto } from "../../web/photo.js";

test("a photo's format comes from its bytes, not its name, and a mismatch is reported", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
  assert.deepEqual(sniffPhoto(png, "me.jpg", 51200), { format: "png", sizeKb: 50, extensionMismatch: true });
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
  assert.equal(sniffPhoto(jpeg, "me.JPEG", 100).extensionMismatch, false);
  assert.equal(sniffPhoto(new Uint8Array([1, 2, 3]), "x.gif", 1).format, "other");
});

test("50 KB is 51200 bytes exactly: one byte more is over", () => {
  assert.equal(sniffPhoto(new Uint8Array([0xff, 0xd8, 0xff]), "a.jpg", 51201).sizeKb > 50, true);
});

test("templates fill known names and leave unknown ones visible", () => {
  assert.equal(fmt("{a} and {b}", { a: 1 }), "1 and {b}");
});

test("guide links point from the wizard page to the guide page and section", () => {
  assert.equal(guideHref("jiangsu/renewal.md#decision-time"), "../jiangsu/renewal/#decision-time");
  assert.equal(guideHref("zhejiang/index.md"), "../zhejiang/");
});
