import { describe, expect, it } from "vitest";
import { CHANNEL_LABELS, channelFor } from "./channel";
import { officialName } from "./naming";

const withGateway = { faxGateway: true };
const withoutGateway = { faxGateway: false };

describe("channelFor", () => {
  it("emails an official with an address, whatever else is on record", () => {
    expect(channelFor({ email: "office@example.org", fax: "+861065292345" }, withGateway)).toBe("email");
    expect(channelFor({ email: "office@example.org", fax: null }, withoutGateway)).toBe("email");
  });

  it("faxes an official with no address but a fax number when a gateway is set, and posts to the rest", () => {
    expect(channelFor({ email: null, fax: "+861065292345" }, withGateway)).toBe("fax");
    expect(channelFor({ email: null, fax: null }, withGateway)).toBe("post");
    // a cleared form field is stored as null, but an empty string must not count as an address either
    expect(channelFor({ email: "", fax: "" }, withGateway)).toBe("post");
  });

  it("puts a fax-only official's letter in the print run when no gateway is set, or the number is not E.164", () => {
    expect(channelFor({ email: null, fax: "+861065292345" }, withoutGateway)).toBe("post");
    expect(channelFor({ email: null, fax: "+86 10 6529 2345" }, withGateway)).toBe("post");
  });

  it("has words for every channel", () => {
    expect(CHANNEL_LABELS[channelFor({ email: null, fax: "+861065292345" }, withoutGateway)]).toBe("Vigil prints and posts it");
    expect(CHANNEL_LABELS[channelFor({ email: null, fax: "+861065292345" }, withGateway)]).toBe("Vigil faxes it");
  });
});

describe("officialName", () => {
  it("puts the name before the title, or gives the title alone", () => {
    expect(officialName({ name: "Wang Xiaohong", title: "Minister of Public Security" })).toBe("Wang Xiaohong, Minister of Public Security");
    expect(officialName({ name: null, title: "Procurator-General" })).toBe("Procurator-General");
  });
});
