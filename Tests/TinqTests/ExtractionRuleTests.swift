import Testing
import TinqCorpus
import TinqExtraction
import TinqFacts
import TinqStore

/// Extracts a snippet as a whole article.
func extracted(_ text: String) -> Article { ArticleExtractor.extract(text: text, id: "t", origin: nil) }

@Suite struct ExtractionDateTests {
  static let cases: [(String, String?)] = [
    ("15/01/2020 - 21:48\n\nTiêu đề bài\n\nNội dung bài viết dài hơn tiêu đề.", "2020-01-15"),
    ("04:01, 05/01/2016\n\nNội dung bài viết.", "2016-01-05"),
    ("Tiêu đề bài\n\nCập nhật ngày: 01/03/2024 06:16:15\n\nNội dung bài viết.", "2024-03-01"),
    // A site header with today's date is not the publication date.
    ("Thứ Sáu, 19/10/2018\n\nTiêu đề bài\n\nNội dung bài viết dài hơn tiêu đề.", nil),
    // Metadata lines a scraper leaves at the top.
    ("date 2024-12\n\nTiêu đề bài\n\nNội dung bài viết dài hơn tiêu đề.", "2024-12"),
    ("Date: 2024-12-03\n\nTiêu đề bài\n\nNội dung bài viết dài hơn tiêu đề.", "2024-12-03"),
    ("Tiêu đề bài\n\nNgày đăng: 03/12/2024\n\nNội dung bài viết dài hơn tiêu đề.", "2024-12-03"),
    ("Tiêu đề bài\n\nCập nhật: 03/12/2024 08:15\n\nNội dung bài viết dài hơn tiêu đề.", "2024-12-03"),
    // A date the sentence marks as the present.
    ("Hôm nay 15-1-2020, Bộ Công an họp.", "2020-01-15"),
    ("Sáng nay (5/3/2020), hội nghị khai mạc.", "2020-03-05"),
    ("(CT)- Chiều hôm qua, ngày 05 tháng 3 năm 2020, hội nghị bế mạc.", "2020-03-05"),
    ("Đoàn về tới nơi. Tối qua 7.4.2019, trời mưa to.", "2019-04-07"),
    // Any other date in the text is an event's, which may be long past: unknown.
    ("Ngày 15-1-2020, Bộ Công an họp.", nil),
    ("(CT)- Ngày 15-1-2020, Bộ Công an họp.", nil),
    ("ngày 05 tháng 3 năm 2020, hội nghị khai mạc.", nil),
    ("Rạng sáng 2/9/2011, hai đối tượng đột nhập cửa hàng.", nil),
    // A day and month never borrow a year from elsewhere: a document, a comparison, a cut-off.
    ("Ngày 9/2, hội nghị tổng kết công tác năm 2022.", nil),
    ("Ngày 9/2, hội nghị họp. Năm 2022 có nhiều việc.", nil),
    ("Hôm nay 27/5, đại biểu bàn về sửa đổi Hiến pháp năm 1992.", nil),
    ("Ngày 26/5, ngân hàng cho biết tính đến ngày 22/5/2013 dư nợ tăng so với cuối năm 2012.", nil),
    ("Sáng 28/1, đoàn công tác đến thăm.", nil),
    ("Hôm nay (28/1), đoàn công tác đến thăm.", nil),
    ("Thực hiện Nghị định số 03/2019/NĐ-CP ngày 5/9/2019 của Chính phủ.", nil),
    ("Bầu cử đại biểu nhiệm kỳ 2021-2026 thành công.", nil),
    ("Giai đoạn 2016 - 2021 đạt nhiều kết quả.", nil),
    ("Ông sinh năm 1972 tại Hà Nội.", nil),
    ("Kỷ niệm 85 năm (28/1/1941-28/1/2026), tỉnh tổ chức lễ.", nil),
    ("6 tháng đầu năm 2021, lực lượng đã làm tốt.", "2021"),
    ("Trong 9 tháng đầu năm 2020, xuất khẩu tăng. Nhiệm kỳ 2020-2025 còn dài.", "2020"),
    ("Quý II/2024, doanh thu đạt kế hoạch đề ra đến năm 2030.", "2024"),
    ("Từ nay đến cuối năm 2021, tỉnh tập trung giải ngân.", "2021"),
    // A period compared with a later year is a baseline, not the report's own.
    ("7 tháng đầu năm 2011, khách tăng nhanh. Năm 2013 dự kiến đón thêm.", nil),
    ("Doanh thu tăng 5% so với 6 tháng đầu năm 2012.", nil),
    ("Doanh thu giảm; quý 1/2012 kết quả thấp.", nil),
    ("Ngày 31/2/2020, một ngày không có.", nil),
    ("Bài viết chính.\n\nCó thể bạn quan tâm\n\nNgày 15-1-2020, tin khác.", nil),
    ("Năm 2019, hai lực lượng phối hợp tốt.", nil),
  ]

  @Test(arguments: cases)
  func date(_ text: String, _ expected: String?) {
    #expect(extracted(text).date?.description == expected)
  }

  @Test func datelineAndHeaderAreNotBody() {
    let a = extracted("Thứ Sáu, 19/10/2018\n\nTiêu đề bài\n\n15/01/2020 - 21:48\n\nNội dung bài viết dài hơn tiêu đề.")
    #expect(a.date?.description == "2020-01-15")
    #expect(a.body == "Nội dung bài viết dài hơn tiêu đề.")
    #expect(a.title == "Tiêu đề bài")
  }
}

struct CitationCase: Sendable, CustomStringConvertible {
  var text: String
  /// `type|number|issuer|year|partial`
  var expected: [String]
  var description: String { text }
}

@Suite struct ExtractionCitationTests {
  static let cases: [CitationCase] = [
    .init(text: "Theo Nghị định số 03/2019/NĐ-CP của Chính phủ.", expected: ["Nghị định|03/2019/NĐ-CP|CP|2019|full"]),
    .init(text: "Theo Nghị định 3/2019/NĐ-CP.", expected: ["Nghị định|03/2019/NĐ-CP|CP|2019|full"]),
    .init(
      text: "Nghị quyết 28-NQ/TW và Nghị quyết 28/NQ-CP khác nhau.",
      expected: ["Nghị quyết|28-NQ/TW|TW|-|full", "Nghị quyết|28/NQ-CP|CP|-|full"]),
    .init(text: "Thực hiện Chỉ thị số 09 CT/TW.", expected: ["Chỉ thị|09-CT/TW|TW|-|full"]),
    .init(
      text: "Thay thế các Nghị định 74, 77 và 78.",
      expected: ["Nghị định|74|-|-|partial", "Nghị định|77|-|-|partial", "Nghị định|78|-|-|partial"]),
    .init(text: "Quyết định số 110 của Bộ Tổng tham mưu.", expected: ["Quyết định|110|-|-|partial"]),
    .init(text: "Theo Nghị định số 03/NĐ-CP.", expected: ["Nghị định|03/NĐ-CP|CP|-|partial"]),
    .init(text: "Nghị định 03 năm 2019 quy định.", expected: ["Nghị định|03|-|2019|partial"]),
    .init(text: "Luật số 64/2025/QH15 có hiệu lực.", expected: ["Luật|64/2025/QH15|QH15|2025|full"]),
    .init(text: "Kết luận 127-KL/TW của Bộ Chính trị.", expected: ["Kết luận|127-KL/TW|TW|-|full"]),
    .init(text: "Theo 18/2020/QĐ-TTg và 77/QĐ-UBND.", expected: [
      "Quyết định|18/2020/QĐ-TTg|TTg|2020|full", "Quyết định|77/QĐ-UBND|UBND|-|full",
    ]),
    .init(text: "Kế hoạch 118-KH/ĐUCA được ban hành.", expected: ["Kế hoạch|118-KH/ĐUCA|ĐUCA|-|full"]),
    // Resolved within the article.
    .init(
      text: "Nghị định số 03/2019/NĐ-CP ra đời. Thực hiện Nghị định số 03 tốt.",
      expected: ["Nghị định|03/2019/NĐ-CP|CP|2019|full"]),
    // Two candidates: the short reference stays partial.
    .init(
      text: "Nghị định 03/2019/NĐ-CP và Nghị định 03/2020/NĐ-CP. Theo Nghị định số 03.",
      expected: ["Nghị định|03/2019/NĐ-CP|CP|2019|full", "Nghị định|03/2020/NĐ-CP|CP|2020|full", "Nghị định|03|-|-|partial"]),
    // Issuers in several parts, spacing slips, a number and year without a symbol, old styles.
    .init(
      text: "Theo Thông tư liên tịch số 175/2011/TTLT-BQP-BGDĐT và Chỉ thị 65/CT-BVHTT&DL.",
      expected: ["Thông tư liên tịch|175/2011/TTLT-BQP-BGDĐT|BQP-BGDĐT|2011|full", "Chỉ thị|65/CT-BVHTT&DL|BVHTT&DL|-|full"]),
    .init(text: "Nghị định số 88/2007/ NĐ - CP quy định phí.", expected: ["Nghị định|88/2007/NĐ-CP|CP|2007|full"]),
    .init(text: "Sửa Nghị định 77/2010 và Nghị định số 16-2010.", expected: ["Nghị định|77/2010|-|2010|partial", "Nghị định|16/2010|-|2010|partial"]),
    .init(text: "Nghị định số 47/CP và Nghị định 15-CP đã hết hiệu lực.", expected: ["Nghị định|47/CP|CP|-|partial", "Nghị định|15-CP|CP|-|partial"]),
    .init(text: "Theo Thông tư 02/2013 của NHNN, Thông tư 02 lùi hạn.", expected: ["Thông tư|02/2013|-|2013|partial"]),
    // Documents named by their year.
    .init(
      text: "Sửa Hiến pháp năm 1992; các bản Hiến pháp 1946, 1959 và 1980; BLHS 2015.",
      expected: ["Hiến pháp|1992|-|1992|full", "Hiến pháp|1946|-|1946|full", "Hiến pháp|1959|-|1959|full", "Hiến pháp|1980|-|1980|full", "Bộ luật Hình sự|2015|-|2015|full"]),
    // A law firm, a programme and a rule are not cited documents.
    .init(text: "Công ty Luật số 5 tư vấn; chương trình 10 và quy định 95 được nhắc.", expected: []),
    // A slip in a symbol is kept as written, and partial; the short reference after it is the same document.
    .init(
      text: "Bộ Tài chính ban hành Chỉ thị số 07/CT9BTC về tiết kiệm. Chỉ thị 07 yêu cầu cắt giảm chi.",
      expected: ["Chỉ thị|07/CT9BTC|-|-|partial"]),
    .init(
      text: "Thông tư 05/2021-BTTTT thay thế Thông tư 05 cũ.", expected: ["Thông tư|05/2021-BTTTT|BTTTT|2021|partial"]),
    // Generic head nouns, capitalised, name a document by a bare number; counts and years are not one.
    .init(
      text: "Sơ kết Quy chế 615 về phối hợp, Kế hoạch 72 ngày 3-4-2020 và Thông báo 2345.",
      expected: ["Quy chế|615|-|-|partial", "Kế hoạch|72|-|-|partial", "Thông báo|2345|-|-|partial"]),
    .init(text: "Kế hoạch 30 ngày, Quy chế 12 điều, Thông báo 2020 và Kế hoạch 15% đều nêu.", expected: []),
    // Licences by their code; a symbol named by two head nouns is one document.
    .init(text: "Trang tin có Giấy phép số 123/GP-BTTTT.", expected: ["Giấy phép|123/GP-BTTTT|BTTTT|-|full"]),
    .init(
      text: "Huyện ra quyết định số 12/GP-UB, rồi thu hồi giấy phép số 12/GP-UB.",
      expected: ["Quyết định|12/GP-UB|UB|-|full"]),
    .init(
      text: "Giấy phép 31/GP-UB bị hủy, vì quyết định số 31/GP-UB trước đó sai.",
      expected: ["Giấy phép|31/GP-UB|UB|-|full"]),
    .init(
      text: "Theo BLHS 2015 và BLTTHS 2015.",
      expected: ["Bộ luật Hình sự|2015|-|2015|full", "Bộ luật Tố tụng hình sự|2015|-|2015|full"]),
    // A short reference with a Party body as issuer: its documents are `/TW`.
    .init(
      text: "Học tập Chỉ thị 05 của Bộ Chính trị và Nghị quyết 18 của Ban Chấp hành Trung ương.",
      expected: ["Chỉ thị|05|TW|-|partial", "Nghị quyết|18|TW|-|partial"]),
    .init(text: "Thực hiện Chỉ thị 12 của Trung ương Đoàn.", expected: ["Chỉ thị|12|-|-|partial"]),
    // A short reference with a ministry, the Government or the Prime Minister as issuer: its code.
    .init(
      text: "Áp dụng Thông tư 30 của Bộ Giáo dục & Đào tạo và Thông tư 12 của Bộ GD-ĐT.",
      expected: ["Thông tư|30|BGDĐT|-|partial", "Thông tư|12|BGDĐT|-|partial"]),
    .init(
      text: "Theo Chỉ thị số 10 của Thủ tướng Chính phủ và Nghị quyết 11 của Chính phủ, Thông tư 07 của Bộ Xây dựng.",
      expected: ["Chỉ thị|10|TTg|-|partial", "Nghị quyết|11|CP|-|partial", "Thông tư|07|BXD|-|partial"]),
    .init(text: "Thực hiện Đề án 30 của Chính phủ về cải cách.", expected: ["Đề án|30|CP|-|partial"]),
    // A branch after a dot in the issuer; a sentence glued after a symbol is not one.
    .init(text: "Ngân hàng ra Quyết định số 52/QĐ-NHAB.HN chấm dứt hợp đồng.", expected: ["Quyết định|52/QĐ-NHAB.HN|NHAB.HN|-|full"]),
    .init(text: "Theo Quyết định số 52/QĐ-UBND.Sau đó tỉnh họp.", expected: ["Quyết định|52/QĐ-UBND|UBND|-|full"]),
    .init(text: "Mũ phải đạt QCVN 2: 2008/BKHCN mới được bán.", expected: ["Quy chuẩn|QCVN 2:2008/BKHCN|BKHCN|2008|full"]),
    // A joint circular named again without `liên tịch` is the one document.
    .init(
      text: "Theo Thông tư liên tịch 08 về mũ bảo hiểm, người đi xe phải đội mũ. Thông tư 08 cũng quy định mức phạt.",
      expected: ["Thông tư liên tịch|08|-|-|partial"]),
    .init(
      text: "Thông tư liên tịch 08/2013/TTLT-BCA-BGTVT có hiệu lực; Thông tư 08 sửa đổi.",
      expected: ["Thông tư liên tịch|08/2013/TTLT-BCA-BGTVT|BCA-BGTVT|2013|full"]),
    .init(
      text: "Thông tư liên tịch 08 và Thông tư 08/2012/TT-BTC, còn Thông tư 08 thì khác.",
      expected: ["Thông tư liên tịch|08|-|-|partial", "Thông tư|08/2012/TT-BTC|BTC|2012|full"]),
    .init(text: "Thực hiện Thông tư 30 của Bộ Y tế Nhật Bản.", expected: ["Thông tư|30|-|-|partial"]),
    .init(text: "Thông tư 30 của Bộ GDĐTX đã sửa.", expected: ["Thông tư|30|-|-|partial"]),
    // A head noun written as its code: `QĐ 09`, `NĐ 34`, `NQ 20`; `CV` only with `số` or a symbol.
    .init(
      text: "Sửa NĐ 34 theo QĐ 3409/QĐ-UB và NQ 20 của Đảng.",
      expected: ["Nghị định|34|-|-|partial", "Quyết định|3409/QĐ-UB|UB|-|full", "Nghị quyết|20|-|-|partial"]),
    .init(text: "Phân luồng theo CV số 2102/UBND-GT của tỉnh.", expected: ["Công văn|2102/UBND-GT|UBND|-|full"]),
    .init(text: "Động cơ 150 CV, xe CV 12 chỗ.", expected: []),
    // An underscore for the hyphen; digits closing a symbol; a report by number and year.
    .init(text: "Theo văn bản số 815/UBND_KT của quận.", expected: ["Văn bản|815/UBND-KT|UBND|-|full"]),
    .init(text: "Theo biên bản số 03/BB-TT-09 lập năm ấy.", expected: ["Biên bản|03/BB-TT-09|BB|-|full"]),
    .init(text: "Xét tờ trình số 02/2019 của nhà trường.", expected: ["Tờ trình|02/2019|-|2019|partial"]),
    // A form's number, a count of offenders, a precept, a law by its year, a test of questions.
    .init(
      text: "Lập biên bản 12 người theo mẫu biên bản số 04; giữ giới luật số 1; sửa Luật 2014; thi luật 30 câu.",
      expected: []),
    .init(text: "Kỷ luật 3 cán bộ, Luật số 17 được bàn.", expected: ["Luật|17|-|-|partial"]),
    // A number with a letter after it, read only in a full symbol: `30a/2008/NQ-CP`.
    .init(
      text: "Huyện nghèo theo Nghị quyết số 30a/2008/NQ-CP; vốn theo Quyết định 135b/2010/QĐ-TTg.",
      expected: ["Nghị quyết|30a/2008/NQ-CP|CP|2008|full", "Quyết định|135b/2010/QĐ-TTg|TTg|2010|full"]),
    .init(text: "Theo Nghị quyết 30a/2008 và Nghị quyết 30a, nhà 12b/3 ở huyện 30a.", expected: []),
    // A known issuer with a slip of case, or the Government spelt out: the official symbol.
    .init(
      text: "Hỗ trợ theo quyết định 268/QĐ-Ttg và Quyết định số 77/2014/QĐ-TTG.",
      expected: ["Quyết định|268/QĐ-TTg|TTg|-|full", "Quyết định|77/2014/QĐ-TTg|TTg|2014|full"]),
    .init(text: "Học phí theo Nghị định 49/2010/NĐ-Chính phủ sẽ gộp.", expected: ["Nghị định|49/2010/NĐ-CP|CP|2010|full"]),
    // A type code with no issuer is a symbol cut short; prose after the hyphen is no issuer.
    .init(
      text: "Theo Nghị định 12/2011/NĐ ban hành và Thông tư 05/2012/TT-hướng dẫn.",
      expected: ["Nghị định|12/2011/NĐ|-|2011|partial", "Thông tư|05/2012/TT|-|2012|partial"]),
    // A slash for the hyphen after a type code, and an issuer swapped with the head noun's code.
    .init(
      text: "NHNN ban hành Thông tư 12/2013/TT/NHNN; hải quan theo Nghị định 87/2012/CP-NĐ.",
      expected: ["Thông tư|12/2013/TT-NHNN|NHNN|2013|full", "Nghị định|87/2012/NĐ-CP|CP|2012|full"]),
    .init(
      text: "Luật 19/2008/QH12/QH13 và Quyết định 87/2012/CP-UBND, Nghị định 5/2012/UB-NĐ.",
      expected: ["Luật|19/2008/QH12|QH12|2008|full", "Quyết định|87/2012/CP-UBND|UBND|2012|full", "Nghị định|05/2012/UB-NĐ|NĐ|2012|full"]),
    // A stray space after the slash, before the capitals of the symbol.
    .init(
      text: "Ông ký công văn số 412/ ĐĐB - VP và Quyết định 2051/ QĐ- UBND ngày 3/5.",
      expected: ["Công văn|412/ĐĐB-VP|ĐĐB|-|full", "Quyết định|2051/QĐ-UBND|UBND|-|full"]),
    .init(text: "Đội nhà thắng 3/ 1, tỷ lệ 5/ ha, đạt 7/ Điểm.", expected: []),
    // A party symbol with a slip of spacing around its hyphen, or an en dash for it.
    .init(
      text: "Sau Chỉ thị số 03 - CT/TW, Nghị quyết 29 – NQ/TW và NQ 09- NQ/TU của Thành ủy.",
      expected: ["Chỉ thị|03-CT/TW|TW|-|full", "Nghị quyết|29-NQ/TW|TW|-|full", "Nghị quyết|09-NQ/TU|TU|-|full"]),
    .init(text: "Tỷ số 3 - 2, đội 2013 - CT và 5 – KH/ngày.", expected: []),
    // The Central Committee written `TƯ` or `T.Ư` in a party symbol: `TW`; other issuers kept.
    .init(
      text: "Theo Kết luận số 23-KL/T.Ư, Chỉ thị số 27-CT/TƯ và Nghị quyết 09-NQ/TU; Quyết định 15-QĐ/TƯĐ.",
      expected: ["Kết luận|23-KL/TW|TW|-|full", "Chỉ thị|27-CT/TW|TW|-|full", "Nghị quyết|09-NQ/TU|TU|-|full", "Quyết định|15-QĐ/TƯĐ|TƯĐ|-|full"]),
    // A court's decisions on a case (adjourning, first instance, appeal) are no cited documents.
    .init(
      text: "Tòa ra quyết định số 12/2014/QĐ-HPT, rồi quyết định số 31/2015/QĐST-KDTM và 7/QĐ-PT; theo Quyết định 12/2014/QĐ-UBND.",
      expected: ["Quyết định|12/2014/QĐ-UBND|UBND|2014|full"]),
    // A dot for the hyphen after a type code; prose glued on after a dot is no issuer.
    .init(
      text: "Chi cục ra Quyết định số 05/QĐ.THA và Thông báo số 12/TB.THA cùng ngày.",
      expected: ["Quyết định|05/QĐ-THA|THA|-|full", "Thông báo|12/TB-THA|THA|-|full"]),
    .init(text: "Theo Quyết định số 05/QĐ.Ông Nam ký, Thông báo 7/TB.A nêu.", expected: []),
    .init(text: "Hủy Quyết định số 211/QĐ.HC.99 và Quyết định 35/QĐ.UB.ND của huyện.", expected: []),
    // A department by its roman numeral (`V.III`, Vụ III); `TƯ` for the Central Committee's `TW`,
    // and `TT` a Thông tri's code, which carries no year.
    .init(
      text: "Theo Công văn số 512/VPCP-V.III và Thông tri số 15/TT-TƯ của Ban Bí thư.",
      expected: ["Công văn|512/VPCP-V.III|VPCP|-|full", "Thông tri|15/TT-TW|TW|-|full"]),
    .init(text: "Theo Công văn số 512/VPCP-V.Ông ký.", expected: ["Công văn|512/VPCP-V|VPCP|-|full"]),
    // A code head joined to a bare number by a hyphen: `NĐ-18`; not a code pair, a year or a letter.
    .init(
      text: "Phí thu theo NĐ-18 và QĐ-25 gây bức xúc.",
      expected: ["Nghị định|18|-|-|partial", "Quyết định|25|-|-|partial"]),
    .init(text: "Theo NĐ-CP, NQ-TW, QĐ-2013 và NĐ-18A, NĐ-1234.", expected: []),
    // A national technical regulation by its symbol.
    .init(
      text: "Thiết bị đạt QCVN 31:2011/BGTVT và QCVN 8-2:2011/BYT.",
      expected: ["Quy chuẩn|QCVN 31:2011/BGTVT|BGTVT|2011|full", "Quy chuẩn|QCVN 8-2:2011/BYT|BYT|2011|full"]),
    .init(text: "Theo QCVN 31 và QCVN 2011, tỷ số 3:2, QCVN 5:2011/byt.", expected: []),
    // A scheme named by its number, capitalised; not a period or lowercase prose.
    .init(text: "Thực hiện Đề án 30 của Chính phủ.", expected: ["Đề án|30|CP|-|partial"]),
    .init(text: "Đề án 10 năm và đề án 30 của tỉnh, Đề án 2020 được bàn.", expected: []),
    // Not citations: ship numbers, phone numbers, counts, dates, topic abbreviations.
    .init(text: "Tàu KG-94793-TS và tàu CSB 4035, gọi 0912.345.678, bắt 5 vụ/6 đối tượng.", expected: []),
    .init(text: "Ngày 5/9/2019 bảo đảm QP-AN, ANTT; các nghị quyết, kết luận của Đảng.", expected: []),
  ]

  /// A number written by hand reads back as extraction writes it (the benchmark compares so).
  @Test func canonicalNumbers() {
    #expect(Citations.canonicalNumber("03 CT/TW", type: "Chỉ thị") == "03-CT/TW")
    #expect(Citations.canonicalNumber("32/2012/TT–BNNPTNT", type: "Thông tư") == "32/2012/TT-BNNPTNT")
    #expect(Citations.canonicalNumber("01/QĐ.CCTHADS", type: "Quyết định") == "01/QĐ-CCTHADS")
    #expect(Citations.canonicalNumber("16-2010", type: "Nghị định") == "16/2010")
    #expect(Citations.canonicalNumber("1992", type: "Hiến pháp") == "1992")
    #expect(Citations.canonicalNumber("QCVN 31:2011/BGTVT", type: "Quy chuẩn") == "QCVN 31:2011/BGTVT")
    #expect(Citations.canonicalNumber("0693", type: "Công văn") == "0693")
    #expect(Citations.canonicalNumber("12/2014/QĐ-HPT", type: "Quyết định") == "12/2014/QĐ-HPT")
  }

  @Test(arguments: cases)
  func citations(_ c: CitationCase) {
    let got = extracted(c.text).citations.map {
      [$0.type ?? "-", $0.number, $0.issuer ?? "-", $0.year.map(String.init) ?? "-", $0.isPartial ? "partial" : "full"]
        .joined(separator: "|")
    }
    #expect(got == c.expected)
  }

  @Test func corpusResolvesOnlyWhenUnambiguous() {
    var articles = [
      extracted("Nghị định số 03/2019/NĐ-CP ra đời."),
      extracted("Thực hiện Nghị định số 03 tốt."),
      extracted("Quyết định số 110 của Bộ Tổng tham mưu."),
    ]
    CitationResolver.resolve(&articles)
    #expect(articles[1].citations.map(\.number) == ["03/2019/NĐ-CP"])
    #expect(articles[1].citations.first?.isPartial == false)
    #expect(articles[1].citations.first?.provenance.rule.contains("corpus") == true)
    #expect(articles[2].citations.first?.isPartial == true)

    articles.append(extracted("Nghị định số 03/2020/NĐ-CP khác."))
    articles.append(extracted("Lại theo Nghị định số 03."))
    CitationResolver.resolve(&articles)
    #expect(articles[4].citations.map(\.number) == ["03"])
    #expect(articles[4].citations.first?.isPartial == true)
  }

  @Test func issuerPhraseNarrowsResolution() throws {
    var articles = [
      extracted("Thủ tướng ban hành Chỉ thị 05/CT-TTg về giao thông."),
      extracted("Các chi bộ học tập Chỉ thị 05 của Bộ Chính trị."),
    ]
    let short = try #require(articles[1].citations.first)
    #expect(short.provenance.excerpt == "Chỉ thị 05 của Bộ Chính trị")
    CitationResolver.resolve(&articles)
    // The Prime Minister's directive of that number is not the Politburo's.
    #expect(articles[1].citations.map(\.number) == ["05"])
    articles.append(extracted("Năm 2016, Bộ Chính trị ban hành Chỉ thị 05-CT/TW."))
    CitationResolver.resolve(&articles)
    #expect(articles[1].citations.map(\.number) == ["05-CT/TW"])
    #expect(articles[1].citations.first?.provenance.rule == "citation (resolved in corpus)")
  }

  @Test func ministryPhraseNarrowsResolution() throws {
    var articles = [
      extracted("Bộ Y tế ban hành Thông tư 30/2012/TT-BYT về điều kiện kinh doanh."),
      extracted("Nhà trường áp dụng Thông tư 30 của Bộ Giáo dục và Đào tạo."),
      extracted("Phòng khám làm theo Thông tư 30 của Bộ Y tế."),
      extracted("Lực lượng làm theo Thông tư liên tịch 01 của Bộ Công an."),
      extracted("Hai bộ ký Thông tư liên tịch 01/2013/TTLT-BCA-BQP về phối hợp."),
    ]
    CitationResolver.resolve(&articles)
    // Another ministry's circular of that number is not the one meant.
    #expect(articles[1].citations.map(\.number) == ["30"])
    #expect(articles[2].citations.map(\.number) == ["30/2012/TT-BYT"])
    // A joint circular is each of its ministries'.
    #expect(articles[3].citations.map(\.number) == ["01/2013/TTLT-BCA-BQP"])
  }
}

@Suite struct ExtractionPeopleAndOrganizationTests {
  static let organizationCases: [(String, [String])] = [
    (
      "BCA và BQP phối hợp với Bộ CHQS tỉnh, BĐBP, CSB, QĐND, CAND.",
      [
        "Bộ Công an", "Bộ Quốc phòng", "Bộ Chỉ huy Quân sự tỉnh", "Bộ đội Biên phòng", "Cảnh sát biển", "Quân đội nhân dân",
        "Công an nhân dân",
      ]
    ),
    ("Bảo đảm QP-AN và ANTT trên địa bàn.", []),
    ("Tàu CSB 4035 tuần tra.", []),
    ("Cục Tác chiến Bộ tổng tham mưu và Quân khu 7.", ["Cục Tác chiến", "Bộ Tổng Tham mưu", "Quân khu 7"]),
    ("Uỷ ban nhân dân tỉnh và HĐND tỉnh họp với Chính phủ.", ["Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh", "Chính phủ"]),
    // A head noun and the proper name after it, as Vietnamese capitalises it.
    (
      "Cục Quản lý thị trường và Đội Chống xâm phạm sở hữu trí tuệ họp với Viện Nghiên cứu lập pháp.",
      ["Cục Quản lý thị trường", "Đội Chống xâm phạm sở hữu trí tuệ", "Viện Nghiên cứu lập pháp"]
    ),
    (
      "Công an thị xã Thuận An (Bình Dương) báo cáo UBND tỉnh Bình Dương và Sở GD-ĐT Hà Nội.",
      ["Công an thị xã Thuận An", "Ủy ban nhân dân tỉnh Bình Dương", "Sở Giáo dục và Đào tạo Hà Nội"]
    ),
    ("Sở Tài nguyên và Môi trường cho biết Bộ Công an truy kích.", ["Sở Tài nguyên và Môi trường", "Bộ Công an"]),
    ("Sở Văn hóa, Thể thao và Du lịch phối hợp với Viện Khảo cổ học.", ["Sở Văn hóa, Thể thao và Du lịch", "Viện Khảo cổ học"]),
    // A place level with no place after it ends the name.
    ("Đất do UBND xã quản lý đã bị lấn chiếm.", []),
    // A person after a body is the person's; a school may be named after one.
    ("Giám đốc Sở Y tế Nguyễn Văn Hải và Trường THPT Lê Quý Đôn.", ["Sở Y tế", "Trường THPT Lê Quý Đôn"]),
    ("Theo Reuters, Liên hợp quốc và EU lên tiếng; HLV của Chelsea im lặng.", ["Reuters", "Liên hợp quốc", "Liên minh châu Âu", "Chelsea"]),
    // Not bodies: a sentence opening with a head noun, a country, a name's part.
    ("Trường hợp này Bộ trưởng xử lý. Phòng chống tội phạm là việc chung.", []),
    ("Tây Ban Nha và Đài Loan hợp tác; ông Nguyễn Trường Giang quản lý.", []),
  ]

  @Test(arguments: organizationCases)
  func organizations(_ text: String, _ expected: [String]) {
    #expect(extracted(text).organizations.map(\.name) == expected)
  }

  struct PersonCase: Sendable, CustomStringConvertible {
    var text: String
    /// `name|rank|position;position`
    var expected: [String]
    var description: String { text }
  }

  static let personCases: [PersonCase] = [
    .init(
      text: "Đại tá Nguyễn Văn An, Chỉ huy trưởng Bộ CHQS tỉnh phát biểu.",
      expected: ["Nguyễn Văn An|Đại tá|Chỉ huy trưởng Bộ CHQS tỉnh"]),
    .init(text: "Hôm qua đại tá Lê Văn Bình dự họp.", expected: ["Lê Văn Bình|Đại tá|"]),
    .init(
      text: "Phó Đô đốc Phạm Hoài Nam, Tư lệnh Quân chủng Hải quân dự.",
      expected: ["Phạm Hoài Nam|Phó Đô đốc|Tư lệnh Quân chủng Hải quân"]),
    .init(text: "Binh nhì Trần Văn Cường được khen.", expected: ["Trần Văn Cường|Binh nhì|"]),
    .init(text: "Đại tá Nguyễn Văn An Giám đốc Công an tỉnh dự.", expected: ["Nguyễn Văn An|Đại tá|"]),
    .init(
      text: "Thiếu tướng, PGS.TS Nguyễn Văn Dũng, Viện trưởng phát biểu.",
      expected: ["Nguyễn Văn Dũng|Thiếu tướng|Viện trưởng"]),
    .init(
      text: "Trung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an dự. Sau đó Trung tướng Trần Quốc Tỏ, Ủy viên Trung ương Đảng phát biểu.",
      expected: ["Trần Quốc Tỏ|Trung tướng|Thứ trưởng Bộ Công an;Ủy viên Trung ương Đảng"]),
    .init(text: "Chánh Văn phòng Bộ Công an Nguyễn Danh Cộng nhấn mạnh.", expected: ["Nguyễn Danh Cộng||Chánh Văn phòng Bộ Công an"]),
    .init(
      text: "Ủy viên Bộ Chính trị, Bộ trưởng Ngoại giao Lê Hoài Trung gặp đối tác.",
      expected: ["Lê Hoài Trung||Ủy viên Bộ Chính trị;Bộ trưởng Ngoại giao"]),
    // A list of positions not ending in a name names nobody.
    .init(text: "Cục trưởng, Phó Cục trưởng và cán bộ dự họp.", expected: []),
    // A place after a position is not a person.
    .init(text: "Giám đốc Công an tỉnh Cần Thơ cho biết.", expected: []),
    // Reporters from bylines and photo credits are not people in the story.
    .init(text: "Bộ Công an họp.\n\nCác đại biểu dự họp. Ảnh: Nguyễn Văn Em\n\nTin, ảnh: TRẦN VĂN PHONG", expected: []),
    // Names with no rank or title: alone, with an age, after a word that announces a person.
    .init(text: "Cảnh sát lập biên bản Lê Thị Trinh (38 tuổi), chủ quán.", expected: ["Lê Thị Trinh||"]),
    .init(
      text: "Công an tạm giữ Trịnh Thanh Tùng (tự Tùng “lựu đạn”, 31 tuổi) cùng vợ là Nguyễn Trà My (29 tuổi, quê Cà Mau).",
      expected: ["Trịnh Thanh Tùng||", "Nguyễn Trà My||"]),
    .init(text: "Hôm qua Đỗ Văn Hùng, Lê Minh Khuê và Bùi Thị Hoa được khen.", expected: ["Đỗ Văn Hùng||", "Lê Minh Khuê||", "Bùi Thị Hoa||"]),
    .init(text: "Theo anh Tùng, chị Hường và ông Th. thì cửa hàng mở muộn.", expected: ["Tùng||", "Hường||"]),
    .init(text: "Nghi phạm Trần Văn Khôi khai nhận. Khôi đã bỏ trốn trước đó.", expected: ["Trần Văn Khôi||"]),
    .init(text: "Sir Alex Ferguson nghỉ hưu, HLV David Moyes thay thế.", expected: ["Alex Ferguson||", "David Moyes||"]),
    // After a position, an abbreviation or a place may stand before the name.
    .init(text: "Bộ trưởng Bộ LĐTBXH Phạm Thị Hải Chuyền trao quà.", expected: ["Phạm Thị Hải Chuyền||"]),
    .init(text: "Theo Phó Chủ tịch UBND quận Ba Đình Nguyễn Phong Cầm, lễ diễn ra tốt.", expected: ["Nguyễn Phong Cầm||"]),
    .init(text: "Tổng thống Bashar al-Assad phát biểu trên truyền hình.", expected: ["Bashar al-Assad||"]),
    .init(
      text: "Thủ tướng Trung Quốc Lý Khắc Cường tiếp Ngoại trưởng Mỹ John Kerry.",
      expected: ["Lý Khắc Cường||Thủ tướng", "John Kerry||"]),
    .init(text: "Thủ tướng Thái Lan Yingluck Shinawatra thăm chính thức.", expected: ["Yingluck Shinawatra||Thủ tướng"]),
    .init(text: "Chủ tịch Hồ Chí Minh ký sắc lệnh. Người dân TP Hồ Chí Minh đón Tết.", expected: ["Hồ Chí Minh||Chủ tịch"]),
    // Places, streets, schools and bylines are not people.
    .init(text: "Người dân Hà Nội, Đồng Nai và vùng ven Thái Bình Dương.", expected: []),
    .init(text: "Xe đi trên đường Nguyễn Tất Thành rồi rẽ vào phố Lê Lợi, Trần Hưng Đạo.", expected: []),
    .init(text: "Học sinh Trường THPT Lê Quý Đôn đạt giải.", expected: []),
    .init(text: "Nhóm này hoạt động ở Bình Dương.DUY ĐÔNG - XUÂN LƯƠNG", expected: []),
    .init(text: "Hai người bị bắt. Ảnh: XLTheo lời khai, số hàng để dùng.", expected: []),
    .init(text: "Đội Hoàng Anh Gia Lai thắng trận.", expected: []),
    .init(text: "Đoàn công tác đến nơi ở Bình Thạnh.Nguyễn Văn Tuấn", expected: []),
  ]

  @Test(arguments: personCases)
  func people(_ c: PersonCase) {
    let got = extracted(c.text).people.map { [$0.name, $0.rank ?? "", $0.positions.joined(separator: ";")].joined(separator: "|") }
    #expect(got == c.expected)
  }
}

@Suite struct ExtractionLayoutTests {
  static let titleCases: [(String, String?)] = [
    ("Đây là đoạn đầu tiên của bài viết, kết thúc bằng dấu chấm.\n\nĐoạn hai.", nil),
    ("Tiêu đề ngắn gọn\n\nĐoạn dẫn dài hơn nhiều so với tiêu đề của bài viết này.", "Tiêu đề ngắn gọn"),
    ("Chỉ một dòng không có dấu chấm", nil),
    ("2 giờ trước\n\nTiêu đề ngắn gọn\n\nĐoạn dẫn dài hơn nhiều so với tiêu đề của bài viết này.", "Tiêu đề ngắn gọn"),
    ("", nil),
  ]

  @Test(arguments: titleCases)
  func title(_ text: String, _ expected: String?) {
    #expect(extracted(text).title == expected)
  }

  static let authorCases: [(String, String?)] = [
    ("Bài viết.\n\nCác đại biểu dự họp. Ảnh: Trần Văn Phúc", "Trần Văn Phúc"),
    ("Bài viết.\n\nẢnh 1. Ảnh: Trần Văn Phúc\n\nẢnh 2. Ảnh: Lê Thị Hoa", nil),
    ("Bài viết.\n\nTin, ảnh: KIỀU CHINH\n\nChia sẻ bài viết", "KIỀU CHINH"),
    ("Bài viết.\n\nThiếu tá Lê Văn Hùng\n\nTrợ lý Tuyên huấn", "Lê Văn Hùng"),
    ("Bài viết không có tên tác giả.", nil),
  ]

  @Test(arguments: authorCases)
  func author(_ text: String, _ expected: String?) {
    #expect(extracted(text).author == expected)
  }

  static let sourceCases: [(String, String?)] = [
    ("(QĐND) - Sáng nay, hội nghị khai mạc.", "QĐND"),
    ("BDK - Thực hiện tốt công tác.", "BDK"),
    ("Hà Nội - Sáng nay, hội nghị khai mạc.", nil),
    ("ANTT được bảo đảm.", nil),
    ("Dân trí Một vụ tai nạn xảy ra.", "Dân trí"),
    ("HNMO - Sáng nay, hội nghị khai mạc.", "Hà Nội Mới"),
    ("VTV.vn - Sáng nay, hội nghị khai mạc.", "VTV"),
    // An all-capitals word before a dash is as often a topic, a team or a singer.
    ("EU - Các nước thành viên họp.", nil),
    ("PSY - Ca sĩ trở lại.", nil),
  ]

  @Test(arguments: sourceCases)
  func source(_ text: String, _ expected: String?) {
    #expect(extracted(text).source == expected)
  }

  /// A record that gives its own title keeps every line of its body: none is taken for a headline.
  @Test func givenTitleNeverRemovesBodyText() {
    let body = "Công an tỉnh thu giữ 2 kg ma túy\nÔng A cho biết chúng tôi đã bắt giữ, sau đó rời đi."
    let a = ArticleExtractor.extract(text: body, id: "n2", origin: nil, metadata: ArticleMetadata(title: "Tin ngắn"))
    #expect(a.title == "Tin ngắn")
    #expect(a.body == body)
    // Without a given title the short first line is the headline, as before.
    #expect(extracted(body).title == "Công an tỉnh thu giữ 2 kg ma túy")
  }

  @Test func residueIsRemoved() {
    let a = extracted("Đoạn một.\n\nleftcenterrightdel\nChú thích ảnh.\n\nChú thích ảnh.\n\nChia sẻ bài viết\n\nBÌNH LUẬN")
    #expect(a.body == "Đoạn một.\n\nChú thích ảnh.")
  }

  @Test(arguments: ["\u{0}\u{1}\u{2}", String(repeating: "(", count: 10_000), String(repeating: "Nghị định số ", count: 2000),
    "Ngày", "Ngày 9/", "Nghị định số 99999999999999999999", String(repeating: "Thượng tướng ", count: 3000), "\r\r\n\n\r"])
  func hostileTextDoesNotCrash(_ text: String) {
    let a = extracted(text)
    #expect(a.id == "t")
  }
}

@Suite struct ExtractionScaleTests {
  /// Long lines without sentence ends must not make extraction quadratic.
  @Test(arguments: [
    "Ngày 9/2; ", "Các đồng chí Ủy viên Trung ương Đảng: Thượng tướng Nguyễn Văn An, ", "Cục trưởng Bộ Công an ",
    "Sở Văn hóa, Thể thao và ", "ông Al-Ba-Ca ", "đường Nguyễn Văn A, ", "Bộ ", "Hôm nay 1/1/2020 ",
    "Nghị định 1/2010, ", "Hiến pháp năm 1992, 1946 và ",
  ])
  func longRepeatedLineIsFast(_ unit: String) {
    let text = String(repeating: unit, count: 4_000)
    let start = ContinuousClock.now
    _ = extracted(text)
    #expect(ContinuousClock.now - start < .seconds(10))
  }
}

@Suite struct ExtractionOfficialLetterTests {
  @Test(arguments: [
    ("Công văn số 123/UBND-VX của tỉnh.", ["Công văn|123/UBND-VX|UBND"]),
    // Without a head noun nothing says what `123/UBND-VX` is.
    ("Theo số 123/UBND-VX của tỉnh.", []),
  ])
  func officialLetters(_ text: String, _ expected: [String]) {
    #expect(extracted(text).citations.map { [$0.type ?? "-", $0.number, $0.issuer ?? "-"].joined(separator: "|") } == expected)
  }
}

@Suite struct PeopleResolverTests {
  /// Extracts each text as an article, then resolves them as one corpus.
  static func corpus(_ texts: [String]) -> [Article] {
    var articles = texts.enumerated().map { ArticleExtractor.extract(text: $1, id: "a\($0)", origin: nil) }
    PeopleResolver.resolve(&articles)
    return articles
  }

  @Test func aBareNameIsAPersonWhenTheCorpusNamesItElsewhere() {
    let texts = ["Thượng tá Phạm Thành chỉ đạo lực lượng.", "Hôm qua Phạm Thành đến dự lễ khai mạc."]
    #expect(extracted(texts[1]).people.isEmpty)
    let articles = Self.corpus(texts)
    #expect(articles[1].people.map(\.name) == ["Phạm Thành"])
    #expect(articles[1].people.first?.provenance.rule == "name (known in corpus)")
  }

  @Test func withoutEvidenceItStaysUnknown() {
    let articles = Self.corpus(["Hôm qua Phạm Thành đến dự lễ khai mạc.", "Anh Lê Vũ ở lại."])
    #expect(articles[0].people.isEmpty)
  }

  @Test func placesNeverBecomePeople() {
    let articles = Self.corpus(["Ông Hà Nam làm việc.", "Đoàn về Hà Nam hôm qua, rồi qua Lê Chân."])
    #expect(!articles[1].people.contains { $0.name == "Hà Nam" || $0.name == "Lê Chân" })
  }
}
