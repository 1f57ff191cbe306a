export interface LotteryAnomaliesTable {
  id: string;
  dedupe_key: string;
  kind: string;
  severity: string;
  entity: string;
  entity_id: string;
  banca_id: string | null;
  draw_id: string | null;
  details_json: string;
  created_at: string;
  business_date: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  comment: string | null;
}

export interface LotteryPartnersTable {
  id: string;
  code: string;
  name: string;
  commission_bp: number;
  contact: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LotteryRetentionLimitsTable {
  id: string;
  lottery_id: string | null;
  bet_type: string;
  number: string | null;
  max_cents: number;
  created_at: string;
  updated_at: string;
}

export interface LotteryLayoffsTable {
  id: string;
  direction: string;
  partner_id: string;
  lottery_id: string;
  draw_id: string;
  bet_type: string;
  bet_number: string;
  amount: number;
  commission_bp: number;
  commission_amount: number;
  reference: string | null;
  created_by: string | null;
  created_at: string;
  business_date: string;
  prize_share: number;
  shared_at: string | null;
}

export type LotteryRiskTables = {
  lottery_anomalies: LotteryAnomaliesTable;
  lottery_partners: LotteryPartnersTable;
  lottery_retention_limits: LotteryRetentionLimitsTable;
  lottery_layoffs: LotteryLayoffsTable;
};
