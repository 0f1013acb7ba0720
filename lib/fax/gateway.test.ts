import { describe, expect, it } from "vitest";
import { FaxNumberError, checkFaxGateway, faxGatewayAddress, faxLane, isE164 } from "./gateway";

describe("faxGatewayAddress", () => {
  it("puts the E.164 digits, without +, where the template says", () => {
    expect(faxGatewayAddress({ template: "{number}@fax.example.net", number: "+861065292345" })).toBe("861065292345@fax.example.net");
    expect(faxGatewayAddress({ template: "fax+{number}@gateway.example.net", number: "+442079460123" })).toBe("fax+442079460123@gateway.example.net");
    expect(faxLane("+442079460123")).toBe("fax:+442079460123");
  });

  it.each(["861065292345", "+86 10 6529 2345", "+0861065292345", "+12345", "+1234567890123456", "", "+86106529234x"])(
    "refuses %j, naming the number and the form it must take",
    (number) => {
      expect(isE164(number)).toBe(false);
      expect(() => faxGatewayAddress({ template: "{number}@fax.example.net", number })).toThrow(FaxNumberError);
      expect(() => faxGatewayAddress({ template: "{number}@fax.example.net", number })).toThrow(`The fax number "${number}" is not in E.164 form`);
    },
  );
});

describe("checkFaxGateway", () => {
  it("accepts a template with {number} that makes a plain address", () => {
    expect(checkFaxGateway("{number}@fax.example.net")).toBeNull();
  });

  it("names the problem", () => {
    expect(checkFaxGateway("fax@example.net")).toMatch(/must contain \{number\}/);
    expect(checkFaxGateway("{number}@fax.example.net, other@example.org")).toMatch(/one plain email address/);
    expect(checkFaxGateway("Fax <{number}@fax.example.net>")).toMatch(/one plain email address/);
  });
});
