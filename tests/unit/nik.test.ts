import { describe, expect, it } from "vitest";
import { ageOn, maskNik, normalizeNik, parseNik, PROVINCE_CODES } from "@/lib/nik";

/** Tuesday 1 December 2026, the day the office's clock shows in these tests. */
const TODAY = "2026-12-01";

/** `PP KK CC DDMMYY SSSS`: Kota Bogor (32 71 01), the birth date as written in the NIK, a serial. */
const nik = (ddmmyy: string, serial = "0001", region = "327101") => `${region}${ddmmyy}${serial}`;

function problemOf(input: string, today = TODAY) {
  const result = parseNik(input, today);
  return result.ok ? "ok" : result.problem;
}

describe("parseNik", () => {
  it("reads a man's NIK: region, birth date, sex and serial", () => {
    expect(parseNik("3271011705900001", TODAY)).toEqual({
      ok: true,
      value: {
        nik: "3271011705900001",
        provinceCode: "32",
        regencyCode: "71",
        districtCode: "01",
        birthDate: "1990-05-17",
        sex: "M",
        serial: "0001",
      },
    });
  });

  it("reads a woman's NIK: the day is written plus 40", () => {
    const result = parseNik(nik("570590", "0002"), TODAY);
    expect(result).toMatchObject({ ok: true, value: { birthDate: "1990-05-17", sex: "F", serial: "0002" } });
  });

  it.each([
    ["010190", "1990-01-01", "M"],
    ["310190", "1990-01-31", "M"],
    ["410190", "1990-01-01", "F"],
    ["710190", "1990-01-31", "F"],
    ["311290", "1990-12-31", "M"],
  ])("the edges of the day field: %s → %s (%s)", (ddmmyy, birthDate, sex) => {
    expect(parseNik(nik(ddmmyy), TODAY)).toMatchObject({ ok: true, value: { birthDate, sex } });
  });

  it.each([
    ["000190", "day 00"],
    ["320190", "day 32 (a man)"],
    ["400190", "day 40: neither a man's nor a woman's day"],
    ["720190", "day 72 (a woman's 32nd)"],
    ["310290", "31 February"],
    ["300290", "30 February"],
    ["310490", "31 April"],
    ["710490", "a woman's 31 April"],
    ["150090", "month 00"],
    ["151390", "month 13"],
    ["290223", "29 February 2023 (not a leap year)"],
    ["290225", "29 February 2025 (not a leap year)"],
    ["690223", "a woman's 29 February 2023"],
  ])("rejects an impossible birth date: %s (%s)", (ddmmyy) => {
    expect(problemOf(nik(ddmmyy))).toBe("birth_date");
  });

  it.each([
    ["290224", "2024-02-29", "M"],
    ["290200", "2000-02-29", "M"],
    ["690296", "1996-02-29", "F"],
  ])("accepts 29 February in a leap year: %s → %s", (ddmmyy, birthDate, sex) => {
    expect(parseNik(nik(ddmmyy), TODAY)).toMatchObject({ ok: true, value: { birthDate, sex } });
  });

  describe("century of the two-digit year", () => {
    it.each([
      ["010100", "2000-01-01"],
      ["010126", "2026-01-01"],
      ["011226", "2026-12-01"],
      ["010127", "1927-01-01"],
      ["010199", "1999-01-01"],
      ["311225", "2025-12-31"],
    ])("%s on 1 December 2026 → %s", (ddmmyy, birthDate) => {
      expect(parseNik(nik(ddmmyy), TODAY)).toMatchObject({ ok: true, value: { birthDate } });
    });

    it("a date later this year cannot be a birth in the future: it is read as last century", () => {
      // Born 2 December 1926: 99 years old, a real citizen, not a child born tomorrow.
      expect(parseNik(nik("021226"), TODAY)).toMatchObject({ ok: true, value: { birthDate: "1926-12-02" } });
      expect(parseNik(nik("311226"), TODAY)).toMatchObject({ ok: true, value: { birthDate: "1926-12-31" } });
    });

    it("the same NIK changes century when `today` moves past the birth date", () => {
      expect(parseNik(nik("150626"), "2026-06-14")).toMatchObject({ ok: true, value: { birthDate: "1926-06-15" } });
      expect(parseNik(nik("150626"), "2026-06-15")).toMatchObject({ ok: true, value: { birthDate: "2026-06-15" } });
    });

    it("29 February 1900 never existed, whichever century is tried", () => {
      expect(problemOf(nik("290200"), "2000-01-15")).toBe("birth_date");
    });
  });

  it.each(["00", "10", "20", "30", "37", "41", "50", "54", "60", "66", "70", "77", "80", "83", "90", "97", "99"])(
    "rejects the unknown province code %s",
    (province) => {
      expect(problemOf(`${province}71011705900001`)).toBe("province");
    },
  );

  it("knows every current province, including the Papua provinces of 2022", () => {
    expect(PROVINCE_CODES.size).toBe(38);
    for (const code of ["11", "31", "32", "36", "51", "64", "65", "76", "82", "91", "92", "93", "94", "95", "96"]) {
      expect(problemOf(`${code}71011705900001`)).toBe("ok");
    }
  });

  it("rejects regency or district 00", () => {
    expect(problemOf(nik("170590", "0001", "320001"))).toBe("region");
    expect(problemOf(nik("170590", "0001", "327100"))).toBe("region");
    expect(problemOf(nik("170590", "0001", "320000"))).toBe("region");
  });

  it("rejects serial 0000 and accepts 0001 and 9999", () => {
    expect(problemOf(nik("170590", "0000"))).toBe("serial");
    expect(problemOf(nik("170590", "0001"))).toBe("ok");
    expect(problemOf(nik("170590", "9999"))).toBe("ok");
  });

  it.each([
    ["", "empty"],
    ["327101170590001", "15 digits"],
    ["32710117059000011", "17 digits"],
    ["32710117059000O1", "a letter O for a zero"],
    ["3271011705900OO1", "letters"],
    ["abcdefghijklmnop", "only letters"],
    ["３２７１０１１７０５９００００１", "full-width digits"],
    ["+3271011705900001", "a plus sign"],
    ["3271011705900001/", "a slash"],
  ])("rejects %j (%s) as a format problem", (input) => {
    expect(problemOf(input)).toBe("format");
  });

  it.each(["3271 0117 0590 0001", "3271.0117.0590.0001", "3271-0117-0590-0001", " 327101-170590-0001 ", "3271\t0117\n0590 0001"])(
    "removes the spaces, dots and dashes in %j",
    (input) => {
      expect(parseNik(input, TODAY)).toMatchObject({ ok: true, value: { nik: "3271011705900001" } });
    },
  );

  it("checks the province before the birth date and the birth date before the serial", () => {
    expect(problemOf("9971013102900000")).toBe("province");
    expect(problemOf("3271013102900000")).toBe("birth_date");
  });
});

describe("normalizeNik", () => {
  it("keeps only what is between the separators", () => {
    expect(normalizeNik(" 3271.0117-0590 0001 ")).toBe("3271011705900001");
    expect(normalizeNik("3271x0117")).toBe("3271x0117");
  });
});

describe("ageOn", () => {
  it("counts whole years, turning a year older on the birthday", () => {
    expect(ageOn("2009-12-02", "2026-12-01")).toBe(16);
    expect(ageOn("2009-12-02", "2026-12-02")).toBe(17);
    expect(ageOn("2009-12-02", "2026-12-03")).toBe(17);
    expect(ageOn("1990-05-17", "2026-12-01")).toBe(36);
    expect(ageOn("2026-12-01", "2026-12-01")).toBe(0);
  });

  it("someone born on 29 February turns a year older on 1 March in a common year", () => {
    expect(ageOn("2008-02-29", "2025-02-28")).toBe(16);
    expect(ageOn("2008-02-29", "2025-03-01")).toBe(17);
    expect(ageOn("2008-02-29", "2028-02-29")).toBe(20);
  });
});

describe("maskNik", () => {
  it("shows the regency and the serial only", () => {
    expect(maskNik("3271011705900001")).toBe("3271********0001");
    expect(maskNik("3271015705901234")).toBe("3271********1234");
  });
});
