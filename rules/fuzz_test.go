package rules

import (
	"errors"
	"testing"
)

// FuzzParse: any file gives rules or a *FileError with positions, never a panic.
func FuzzParse(f *testing.F) {
	f.Add(DefaultYAML())
	f.Add([]byte("milestones:\n  - name: 甲\n    due: \"3-31\"\n    targets: [{metric: start_rate, min: 50%, where: {town: 礼义镇}}]\n"))
	f.Add([]byte("alerts: &a {schedule_lag_points: {yellow: 1}}\nkey_projects: *a\n"))
	f.Add([]byte("- 1\n- 2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("r.yaml", data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || len(fe.Problems) == 0 {
				t.Fatalf("error %v is not a *FileError with problems", err)
			}
			return
		}
		if r == nil {
			t.Fatal("nil rules and nil error")
		}
	})
}
