// Package template writes the blank ledger a 乡镇 clerk fills in: the layout the
// reader expects (a title with the year, 填报单位 and 单位：万元 above a one-row header
// of the canonical column names), dropdowns, formats and input messages that keep the
// values readable, and a 填报说明 sheet. Filled in, it is read by gongjian check with
// no flags.
//
// It does not read or judge ledgers; the columns come from package ledger and the
// allowed values from the rules.
package template
