/**
 * The columns of a UCDP GED CSV file in the order GED's release writes them (as listed in
 * ../shared/FACTS.md; a release may add more, which are ignored). The synthetic fixture
 * `test/fixtures/ged-synthetic.csv` uses exactly these.
 *
 * Source: UCDP GED Codebook (Uppsala Conflict Data Program), the event table's variables.
 */
export const GED_COLUMNS = [
  "id",
  "relid",
  "year",
  "active_year",
  "code_status",
  "type_of_violence",
  "conflict_dset_id",
  "conflict_name",
  "dyad_dset_id",
  "dyad_name",
  "side_a",
  "side_b",
  "number_of_sources",
  "source_article",
  "where_prec",
  "where_coordinates",
  "adm_1",
  "adm_2",
  "latitude",
  "longitude",
  "geom_wkt",
  "priogrid_gid",
  "country",
  "country_id",
  "region",
  "event_clarity",
  "date_prec",
  "date_start",
  "date_end",
  "deaths_a",
  "deaths_b",
  "deaths_civilians",
  "deaths_unknown",
  "best",
  "high",
  "low",
] as const;

/** The GED columns {@link parseGedCsv} reads; a file without one of them is refused. */
export const GED_REQUIRED_COLUMNS = [
  "country",
  "side_a",
  "side_b",
  "dyad_name",
  "type_of_violence",
  "date_start",
  "date_end",
  "date_prec",
  "best",
] as const;
