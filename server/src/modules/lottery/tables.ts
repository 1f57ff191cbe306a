export interface LotteryZonesTable {
  id: string;
  code: string;
  name: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LotteryBancasTable {
  id: string;
  code: string;
  name: string;
  owner_name: string;
  zone_id: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LotteryAssignmentsTable {
  id: string;
  user_id: string;
  banca_id: string | null;
  zone_id: string | null;
  created_at: string;
}

export type LotteryTables = {
  lottery_zones: LotteryZonesTable;
  lottery_bancas: LotteryBancasTable;
  lottery_assignments: LotteryAssignmentsTable;
};
