import type { Executor } from "../../platform";
import { findServiceAddress, type AddressBasis } from "../delivery/index";

/**
 * How a party's address for service is known: `confirmed` when their account confirmed an electronic
 * service address (在线诉讼规则第二十九条: 送达地址确认), else `provided` — as the other side gave it.
 */
export async function addressBasisOf(db: Executor, userId: string | null): Promise<AddressBasis> {
  if (userId === null) return "provided";
  return (await findServiceAddress(db, userId)) !== null ? "confirmed" : "provided";
}
