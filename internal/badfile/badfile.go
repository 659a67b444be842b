package badfile

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"unicode/utf16"
)

// CompoundFile writes the smallest OLE2 compound file (version 3, 512-byte sectors)
// holding empty streams of the given names: enough for the sniffer, which looks at
// the signature and the stream names only. An encrypted workbook is
// CompoundFile("EncryptionInfo", "EncryptedPackage"), a legacy .xls
// CompoundFile("Workbook"). At most three streams (one directory sector).
func CompoundFile(streams ...string) []byte {
	const (
		endOfChain = 0xFFFFFFFE
		freeSect   = 0xFFFFFFFF
		fatSect    = 0xFFFFFFFD
		noStream   = 0xFFFFFFFF
	)
	le := binary.LittleEndian
	header := make([]byte, 512)
	copy(header, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) // the OLE2 signature
	le.PutUint16(header[0x18:], 0x003E)                                  // minor version
	le.PutUint16(header[0x1A:], 0x0003)                                  // major version 3
	le.PutUint16(header[0x1C:], 0xFFFE)                                  // little-endian
	le.PutUint16(header[0x1E:], 9)                                       // 512-byte sectors
	le.PutUint16(header[0x20:], 6)                                       // 64-byte mini sectors
	le.PutUint32(header[0x2C:], 1)                                       // one FAT sector
	le.PutUint32(header[0x30:], 1)                                       // the directory starts at sector 1
	le.PutUint32(header[0x38:], 4096)                                    // mini stream cutoff
	le.PutUint32(header[0x3C:], endOfChain)
	le.PutUint32(header[0x44:], endOfChain)
	le.PutUint32(header[0x4C:], 0) // DIFAT[0]: the FAT is sector 0
	for i := 1; i < 109; i++ {
		le.PutUint32(header[0x4C+4*i:], freeSect)
	}

	fat := make([]byte, 512)
	for i := 0; i < 128; i++ {
		le.PutUint32(fat[4*i:], freeSect)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endOfChain) // the directory is one sector long

	entry := func(name string, typ byte, left, right, child uint32) []byte {
		e := make([]byte, 128)
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			le.PutUint16(e[2*i:], c)
		}
		if name != "" {
			le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		}
		e[0x42] = typ
		e[0x43] = 1 // black
		le.PutUint32(e[0x44:], left)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], endOfChain)
		return e
	}
	var dir bytes.Buffer
	child := uint32(noStream)
	if len(streams) > 0 {
		child = 1
	}
	dir.Write(entry("Root Entry", 5, noStream, noStream, child))
	for i, name := range streams {
		right := uint32(noStream)
		if i+1 < len(streams) {
			right = uint32(i + 2) // a chain of right siblings; names given in tree order
		}
		dir.Write(entry(name, 2, noStream, right, noStream))
	}
	for dir.Len() < 512 {
		dir.Write(entry("", 0, noStream, noStream, noStream))
	}
	return append(append(header, fat...), dir.Bytes()...)
}

// Padded is the workbook with an extra part of n zero bytes, which compresses to
// almost nothing: a small zip bomb. It panics on a workbook that is not a zip.
func Padded(workbook []byte, n int) []byte {
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		panic("badfile.Padded: " + err.Error())
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			panic(err)
		}
	}
	w, err := zw.Create("xl/media/padding.bin")
	if err != nil {
		panic(err)
	}
	w.Write(make([]byte, n))
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
