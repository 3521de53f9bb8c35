import type { Env } from "../../env";
import { createEmailChannel } from "./email";
import type { Channel } from "./types";
import { createGatewayChannel } from "./whatsapp";

export type Channels = Partial<Record<Channel["name"], Channel>>;

/** The channels the environment configures; none is fine (messages wait as "no channel"). */
export function channelsFromEnv(env: Env): Channels {
  const channels: Channels = {};
  if (env.ANTREAN_WA_GATEWAY_URL && env.ANTREAN_WA_GATEWAY_TOKEN) {
    channels.whatsapp = createGatewayChannel({ url: env.ANTREAN_WA_GATEWAY_URL, token: env.ANTREAN_WA_GATEWAY_TOKEN });
  }
  if (env.ANTREAN_SMTP_URL && env.ANTREAN_MAIL_FROM) {
    channels.email = createEmailChannel({ url: env.ANTREAN_SMTP_URL, from: env.ANTREAN_MAIL_FROM });
  }
  return channels;
}

/** "whatsapp on, email off": the start-up log line. */
export function describeChannels(channels: Channels): string {
  return (["whatsapp", "email"] as const).map((name) => `${name} ${channels[name] ? "on" : "off"}`).join(", ");
}
