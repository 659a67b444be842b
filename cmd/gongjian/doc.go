// Command gongjian checks county project ledgers (开复工台账, 融资需求台账) against the
// year's targets and prints what a clerk must fix; it also writes the monthly report,
// blank templates and merged county ledgers.
//
// This package holds the cobra commands only: their flags, the wiring from flags to
// packages ledger, rules and report, and the exit statuses (main decides them in one
// place). What a ledger says, what is wrong with it and how that is shown live in
// those packages.
package main
