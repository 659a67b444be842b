// Package ledger reads project ledgers (开复工台账 and 融资需求台账) as clerks really
// keep them in Excel/WPS workbooks and CSV files, and turns them into typed projects
// that remember the cell each value came from.
//
// It finds the sheet and the header (title rows, merged two-level headers, synonyms),
// converts units (万元, 亿元, 元) and cell text (amounts, dates in the forms people type),
// and sets aside rows that are not projects: section rows, 合计/小计 rows, a 打包项目's
// parent row (its parts are the projects; package.go), blank rows and notes. Values it cannot read are recorded as Problems at their cells, never
// turned into silent zeros.
//
// It also owns what ledgers share: one project identity across rows and ledgers
// (identity.go: the folded 项目代码, else the folded name), the canonical columns every
// blank template and merged ledger has (columns_canonical.go), and merging several
// ledgers into one county ledger, duplicates found (merge.go).
//
// It knows nothing about targets, rules or output: deciding what is wrong with a
// project is package rules' job, showing it is package report's.
package ledger
