// Package docx writes a Word document (.docx) in the layout of Chinese official
// documents, GB/T 9704-2012: A4 with the standard margins, the title in 方正小标宋简体
// 二号, the body in 仿宋_GB2312 三号 on 28-point lines, 28 characters to a line,
// headings in 黑体 and 楷体, page numbers "— 1 —" on the outer side, and tables as
// 附件, each on a page of its own with its header repeated on every page.
//
// A Document is a list of typed blocks (Title, Heading1, Paragraph, Table,
// Attachment …); Write turns it into the same bytes every time. ExtractText reads a
// .docx back into paragraphs and table rows, so tests can compare what a document
// says with another form of the same report.
//
// It writes WordprocessingML itself (archive/zip and a few hundred lines of XML):
// it is not a general Word library, reads nothing but text, and leaves the 红头 (the
// red masthead), seals and the 版记 to the office that sends the document.
package docx
