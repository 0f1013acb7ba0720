import { describe, expect, it } from "vitest";
import { CHANNEL_LABELS, channelFor } from "./channel";
import { officialName } from "./naming";

describe("channelFor", () => {
  it("emails an official with an address, whatever else is on record", () => {
    expect(channelFor({ email: "office@example.org", fax: "+861065292345" })).toBe("email");
    expect(channelFor({ email: "office@example.org", fax: null })).toBe("email");
  });

  it("faxes an official with no address but a fax number, and posts to the rest", () => {
    expect(channelFor({ email: null, fax: "+861065292345" })).toBe("fax");
    expect(channelFor({ email: null, fax: null })).toBe("post");
    // a cleared form field is stored as null, but an empty string must not count as an address either
    expect(channelFor({ email: "", fax: "" })).toBe("post");
  });

  it("has words for every channel", () => {
    expect(CHANNEL_LABELS[channelFor({ email: null, fax: null })]).toBe("Printed and posted by Vigil");
  });
});

describe("officialName", () => {
  it("puts the name before the title, or gives the title alone", () => {
    expect(officialName({ name: "Wang Xiaohong", title: "Minister of Public Security" })).toBe("Wang Xiaohong, Minister of Public Security");
    expect(officialName({ name: null, title: "Procurator-General" })).toBe("Procurator-General");
  });
});
