package rules

// Join cross-checks the 融资需求台账 results of a run against its 开复工台账 results:
// each financing row is matched to a project on 项目代码, else on the normalised
// project name; a row with no match gets an unknown-project finding, and both sides
// record what was joined. Results of other kinds are left alone. It is called once
// all files of a run have been evaluated, before anything is written.
func Join(kaifugong, rongzi []*Result) {
	// Filled in by the financing ledger work (issue 4).
}
