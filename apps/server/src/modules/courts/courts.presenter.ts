import type { TCourt } from "./courts.schemas";

interface CourtRecord {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  level: TCourt["level"];
  is_internet_court: boolean;
  parent_id: string | null;
  province_zh: string | null;
  province_en: string | null;
  small_claims_limit_fen: number | null;
  small_claims_basis: string | null;
  address_zh: string | null;
}

export function presentCourt(row: CourtRecord): TCourt {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    level: row.level,
    isInternetCourt: row.is_internet_court,
    parentId: row.parent_id,
    provinceZh: row.province_zh,
    provinceEn: row.province_en,
    smallClaimsLimitYuan: row.small_claims_limit_fen === null ? null : row.small_claims_limit_fen / 100,
    smallClaimsBasis: row.small_claims_basis,
    addressZh: row.address_zh,
  };
}
