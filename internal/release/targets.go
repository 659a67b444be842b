package main

// target is one platform an archive is built for.
type target struct {
	OS, Arch string
	// For says in the guide which machines the archive is for, a line each.
	For []string
}

// targets are the platforms clerks use, in the order the archives are listed: office
// PCs, the 信创 machines (x86 兆芯/海光, ARM 飞腾/鲲鹏, 龙芯) and Macs. Go 1.26's
// minimums: Windows 10 / Server 2016, macOS 12, Linux 3.2 (loong64 5.19, the "new
// world" ABI).
var targets = []target{
	{"windows", "amd64", []string{"Windows 10、Windows 11 或 Windows Server 2016 及以上，", "64 位 x86 处理器（英特尔、AMD、兆芯、海光）"}},
	{"windows", "arm64", []string{"Windows 10、Windows 11，ARM 处理器（如骁龙）"}},
	{"linux", "amd64", []string{"Linux（麒麟、统信等），64 位 x86 处理器（英特尔、AMD、兆芯、海光），", "即 uname -m 显示 x86_64 的电脑"}},
	{"linux", "arm64", []string{"Linux（麒麟、统信等），ARM 处理器（飞腾、鲲鹏等），", "即 uname -m 显示 aarch64 的电脑"}},
	{"linux", "loong64", []string{"Linux（麒麟、统信等），龙芯处理器（3A5000、3A6000 等），", "即 uname -m 显示 loongarch64 的电脑。须是“新世界”系统：", "uname -r 显示的内核版本在 5.19 及以上；内核 4.19 的旧系统运行不了"}},
	{"darwin", "arm64", []string{"macOS 12 及以上，苹果 M 系列芯片"}},
}

func (t target) windows() bool { return t.OS == "windows" }

// exe is the program's file name on the platform.
func (t target) exe() string {
	if t.windows() {
		return "gongjian.exe"
	}
	return "gongjian"
}

// base names the archive and the folder inside it: gongjian_1.2.0_windows_amd64.
func (t target) base(label string) string {
	return "gongjian_" + label + "_" + t.OS + "_" + t.Arch
}

// archive is the archive's file name: zip for Windows, which opens it without any
// other program; tar.gz elsewhere, which keeps the program's executable bit.
func (t target) archive(label string) string {
	if t.windows() {
		return t.base(label) + ".zip"
	}
	return t.base(label) + ".tar.gz"
}
