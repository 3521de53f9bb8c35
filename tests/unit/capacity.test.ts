import { describe, expect, it } from "vitest";
import { channelLimit, remainingPlaces, reservedPlaces, type SessionCapacityInput } from "@/lib/capacity";

describe("the walk-in reserve", () => {
  it("reserves a whole number of places, rounding down", () => {
    expect(reservedPlaces(250, 20)).toBe(50);
    expect(reservedPlaces(42, 20)).toBe(8);
    expect(reservedPlaces(10, 25)).toBe(2);
    expect(reservedPlaces(3, 50)).toBe(1);
    expect(reservedPlaces(40, 0)).toBe(0);
    expect(reservedPlaces(40, 100)).toBe(40);
  });

  it("online stops short of the reserve; assisted and walk-in bookings may use all of it", () => {
    expect(channelLimit(42, 20, "online")).toBe(34);
    expect(channelLimit(42, 20, "assisted")).toBe(42);
    expect(channelLimit(42, 20, "walk_in")).toBe(42);
    expect(channelLimit(250, 20, "online")).toBe(200);
    expect(channelLimit(10, 100, "online")).toBe(0);
    expect(channelLimit(0, 20, "assisted")).toBe(0);
  });
});

describe("remainingPlaces", () => {
  const base: SessionCapacityInput = {
    channel: "assisted",
    reservePercent: 0,
    dayCap: 250,
    dayUsed: 0,
    sessionCap: 42,
    sessionUsed: 0,
    serviceCap: null,
    serviceUsed: 0,
  };

  it("is the session's free places when nothing else is tighter", () => {
    expect(remainingPlaces({ ...base, sessionUsed: 10 })).toEqual({ capacity: 42, remaining: 32 });
  });

  it("is the day's free places when the day is tighter", () => {
    expect(remainingPlaces({ ...base, dayUsed: 245, sessionUsed: 10 })).toEqual({ capacity: 42, remaining: 5 });
  });

  it("is the service's free places when its daily cap is tighter", () => {
    expect(remainingPlaces({ ...base, serviceCap: 30, serviceUsed: 27, sessionUsed: 1 })).toEqual({ capacity: 42, remaining: 3 });
  });

  it("ignores the service's usage when it has no cap", () => {
    expect(remainingPlaces({ ...base, serviceCap: null, serviceUsed: 1000 })).toEqual({ capacity: 42, remaining: 42 });
  });

  it("subtracts the reserve from the session and the day for online bookings only", () => {
    const input = { ...base, reservePercent: 20, dayCap: 100, dayUsed: 70, sessionUsed: 30 };
    expect(remainingPlaces({ ...input, channel: "online" })).toEqual({ capacity: 34, remaining: 4 });
    expect(remainingPlaces({ ...input, channel: "assisted" })).toEqual({ capacity: 42, remaining: 12 });
    expect(remainingPlaces({ ...input, channel: "online", dayUsed: 78 })).toEqual({ capacity: 34, remaining: 2 });
  });

  it("never goes below zero, even when staff have used the reserve", () => {
    expect(remainingPlaces({ ...base, channel: "online", reservePercent: 20, sessionUsed: 40 })).toEqual({ capacity: 34, remaining: 0 });
    expect(remainingPlaces({ ...base, dayCap: 10, dayUsed: 12 })).toEqual({ capacity: 42, remaining: 0 });
  });

  it("is zero for a session closed with capacity 0", () => {
    expect(remainingPlaces({ ...base, sessionCap: 0 })).toEqual({ capacity: 0, remaining: 0 });
  });
});
