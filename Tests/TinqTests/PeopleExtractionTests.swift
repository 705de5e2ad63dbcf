import Testing
import TinqExtraction
import TinqFacts

/// One sentence per person rule, with the people that must come out of it, in order of first
/// mention; the negative cases name places, streets, schools, firms and bylines that must not.
@Suite struct PeopleExtractionTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    var expected: [String]
    var description: String { text }
  }

  static let cases: [Case] = [
    // A name explained by an apposition after a comma.
    .init(text: "Tariko Mensah, một nhà hoạt động trẻ, cho biết như vậy.", expected: ["Tariko Mensah"]),
    .init(text: "Doran Velić, Chủ tịch kiêm Tổng giám đốc công ty, nhận định thị trường còn khó.", expected: ["Doran Velić"]),
    .init(text: "Theo Kesho Walters, một phụ huynh, cô giáo đã sai.", expected: ["Kesho Walters"]),
    .init(text: "Lekisha Ramon, mẹ của em bé, chưa lên tiếng.", expected: ["Lekisha Ramon"]),
    // An official named after a country.
    .init(text: "Bộ trưởng Bộ Tư pháp Philippines Lorna de Vera cho biết như vậy.", expected: ["Lorna de Vera"]),
    .init(text: "Người phát ngôn Bộ Ngoại giao Trung Quốc Wang Lei nói hôm qua.", expected: ["Wang Lei"]),
    .init(text: "Ông gặp người đồng cấp Mỹ Giôn Xmít tại Paris.", expected: ["Giôn Xmít"]),
    // One foreign word after a head of state's title, with or without the country.
    .init(text: "Cựu Tổng thống Ukraine Petrenko đã rời thủ đô.", expected: ["Petrenko"]),
    .init(text: "Tổng thống Putin phát biểu tại hội nghị.", expected: ["Putin"]),
    // A transliterated name whose first part is also a family name.
    .init(text: "Ngoại trưởng Áo Mai-cơn Ba-ran cho biết như vậy.", expected: ["Mai-cơn Ba-ran"]),
    // The other names of a list that opens with a person.
    .init(text: "Nhà báo Tom Baker và Ruari Dunne nhập viện.", expected: ["Tom Baker", "Ruari Dunne"]),
    .init(text: "Hôm qua ông Nguyễn Văn An, Trần Bình và Lê Hòa đã đến.", expected: ["Nguyễn Văn An", "Trần Bình", "Lê Hòa"]),
    // The person in `tư tưởng Hồ Chí Minh`.
    .init(text: "Học tập tư tưởng Hồ Chí Minh là nhiệm vụ thường xuyên.", expected: ["Hồ Chí Minh"]),
    // A given name that is a middle word of another person's name is another person.
    .init(text: "Phạm Hồng Tiến (SN 1988) mua ma túy của một người tên Hồng.", expected: ["Phạm Hồng Tiến", "Hồng"]),
    // The names listed before a person after `và`; a street list or a place is no list of people.
    .init(text: "Buổi diễn có sự góp mặt của Minh Đạt, Jun Seo Park và Trần Thanh Hoa.", expected: ["Minh Đạt", "Jun Seo Park", "Trần Thanh Hoa"]),
    .init(text: "Đoàn đi qua các phố Hàng Bạc, Hàng Đào và Trần Thanh Hoa.", expected: []),
    .init(text: "Hàng về từ Long Khánh, Xuân Lộc và Trần Văn Hòa nhận.", expected: ["Trần Văn Hòa"]),
    // `TƯ` (central) before a name is no place word.
    .init(text: "Giảng viên Nhạc viện TƯ Bùi Quang Hùng hướng dẫn.", expected: ["Bùi Quang Hùng"]),
    // `Trường` inside a name, and as a school after one.
    .init(text: "Cơ sở này do Nguyễn Trường Giang quản lý.", expected: ["Nguyễn Trường Giang"]),
    .init(text: "Học sinh Nguyễn Văn An Trường THPT Chu Văn An đạt giải.", expected: ["Nguyễn Văn An"]),
    // A king, a fisherman.
    .init(text: "Vua Sisavang Phoumi qua đời năm ấy.", expected: ["Sisavang Phoumi"]),
    .init(text: "Cảnh sát bắn chết ngư dân Hung Wei-ming.", expected: ["Hung Wei-ming"]),
    // Not people: a school named in the article, a byline after `./.`, a thing `mang tên`.
    .init(text: "Hội đồng thi Lê Quý Đôn có thí sinh của các trường THPT Lê Quý Đôn, Quang Trung.", expected: []),
    .init(text: "Giải đấu kết thúc tốt đẹp./.Hà Văn Khải (TTXVN)", expected: []),
    .init(text: "Chiến dịch mang tên Hoàng Gia Bảo được phát động.", expected: []),
    .init(text: "Tổ chức Anh em Hồi giáo kêu gọi biểu tình.", expected: []),
    .init(text: "Tại sự kiện ở bang North Carolina, ông cho rằng kinh tế tốt.", expected: []),
    .init(text: "Đội tuyển tập trung tại nhà thi đấu Thái Sơn Nam từ đầu tháng.", expected: []),
    .init(text: "Thủ tướng Chính phủ tiếp Tổng thống Tajikistan hôm qua.", expected: []),
    .init(text: "Chủ tịch Tập đoàn Hàn Quốc Lotte Shopping phát biểu.", expected: []),
    .init(text: "Samsung Electronics, một hãng điện tử lớn, công bố lãi.", expected: []),
    .init(text: "Đồng Nai, một tỉnh công nghiệp, thu hút nhiều vốn.", expected: []),
    .init(text: "Nhưng Manal, một sinh viên, vẫn ở lại.", expected: []),
    // A list needs `và` and a name to close it: `Phú Mỹ, Bình Dương` is an address.
    .init(text: "Hôm qua ông Nguyễn Văn An, Phú Mỹ, Bình Dương cho biết.", expected: ["Nguyễn Văn An"]),
    .init(text: "HLV David Moyes và Manchester United chia tay.", expected: ["David Moyes"]),
    // Streets, cities, bylines glued to the last sentence.
    .init(text: "Xe đi trên đường Nguyễn Tất Thành rồi rẽ.", expected: []),
    .init(text: "Người dân TP Hồ Chí Minh đón Tết.", expected: []),
    .init(text: "Nhóm này hoạt động ở Bình Dương.DUY ĐÔNG", expected: []),
    // A byline glued after a closing bracket and a period, or after an ellipsis.
    .init(text: "Vụ việc đang được điều tra (ảnh minh họa).Trần Quốc Bảo", expected: []),
    .init(text: "Hắn bỏ chạy về phía bờ sông…Lâm Hải Yến", expected: []),
    // The names listed before a foreign name that a common given name opens, after `và`, and in a
    // comma list closed by `và`; a list that `và` does not close, or whose items are places, is none.
    .init(
      text: "Anh phải cạnh tranh với Ivo Ketteridge, Orin Maddox và Simon Treadwell.",
      expected: ["Ivo Ketteridge", "Orin Maddox", "Simon Treadwell"]),
    .init(
      text: "Đội có nhiều tiền vệ như Kemal Ostrowski, Ruud Vamberg, Jack Pelling, Arno Deville và Pim Sollers.",
      expected: ["Jack Pelling", "Kemal Ostrowski", "Ruud Vamberg", "Arno Deville", "Pim Sollers"]),
    .init(text: "Đội có nhiều tiền vệ như Kemal Ostrowski, Jack Pelling, Arno Deville.", expected: ["Jack Pelling"]),
    .init(text: "Họ đến Lào Cai, Hà Nội, Jack Pelling và Arno Deville.", expected: ["Jack Pelling", "Arno Deville"]),
    // Items whose country is given in brackets; a bracket holding anything else ends the list.
    .init(
      text: "Giám khảo gồm Jack Pelling (Anh), Tarik Benali (Ma-rốc), Ilse Vonk (Hà Lan) và Omar Haddad (Ai Cập).",
      expected: ["Jack Pelling", "Tarik Benali", "Ilse Vonk", "Omar Haddad"]),
    .init(text: "Giám khảo gồm Jack Pelling (Anh) và Tarik Benali (Ma-rốc) chấm điểm.", expected: ["Jack Pelling", "Tarik Benali"]),
    .init(text: "Giám khảo gồm Jack Pelling (Anh), Hà Giang (quê hương) đến.", expected: ["Jack Pelling"]),
    // A courtesy word opening a listed place; a deputy's title in capitals; a title's field in
    // capitals; a firm after a title, alone or before the person's name.
    .init(text: "Công an TP.Bà Rịa đang điều tra vụ trộm.", expected: []),
    .init(text: "Phó Trưởng Đoàn đại biểu chủ trì cuộc họp.", expected: []),
    .init(text: "Phó Đức Nam (35 tuổi) bị bắt.", expected: ["Phó Đức Nam"]),
    .init(text: "Bà Lê Hòa, Giám Đốc Điều Hành của hãng, phát biểu.", expected: ["Lê Hòa"]),
    .init(text: "Tổng giám đốc Minh Phát Group cho biết công ty sẽ mở rộng.", expected: []),
    .init(text: "Tổng giám đốc Vicomax Trần Văn Toàn cho biết như vậy.", expected: ["Trần Văn Toàn"]),
    .init(text: "Thống đốc Thad Allen cho biết như vậy.", expected: ["Thad Allen"]),
    // A comma before the closing `và` of a list; an event or a club is no foreign name.
    .init(
      text: "Buổi lễ có mặt Franz Weber, Tomas Kessler, Erich Hahn, và Dieter Brandt.",
      expected: ["Franz Weber", "Tomas Kessler", "Erich Hahn", "Dieter Brandt"]),
    .init(
      text: "Đoàn gồm Lê Văn Hòa, Trần Minh Quân, và Phạm Thị Lan đã đến.",
      expected: ["Lê Văn Hòa", "Trần Minh Quân", "Phạm Thị Lan"]),
    .init(text: "Xe từng đoạt giải tại Pebble Beach, Louis Vuitton Classic, và Goodwood Revival.", expected: []),
    .init(text: "Ban nhạc diễn ở Angel Price Music Festival năm ngoái.", expected: []),
    // A nationality before a name of two words or more; not one word alone.
    .init(
      text: "Hai chàng trai người Phần Lan Ilkka Vuori và Oskari Lehto đã đến.", expected: ["Ilkka Vuori", "Oskari Lehto"]),
    .init(text: "Cô gái người Nhật Bản Keiko Mori thắng trận.", expected: ["Keiko Mori"]),
    .init(text: "Nhiều người Mỹ Latinh sang đây làm việc.", expected: []),
    // `Ông` or `Bà` with a capital inside a sentence, before a full name; not a street's, a
    // bodhisattva's, or a name run into the next.
    .init(text: "Có mặt ca sĩ Kathy Uyên và Bà Phạm Thị Mai Son tại buổi lễ.", expected: ["Kathy Uyên", "Phạm Thị Mai Son"]),
    .init(text: "Chiều qua, Ông Nguyễn Văn Hùng đã đến nhà văn hóa.", expected: ["Nguyễn Văn Hùng"]),
    .init(text: "Khách sạn nằm trên phố Bà Triệu và chợ Bà Chiểu.", expected: []),
    .init(text: "Người dân thờ Bà Quan Âm ở chùa.", expected: []),
    .init(text: "Số 12 Bà Hồ Thị Duyệt Nguyễn văn Thìn góp 100 ngàn.", expected: []),
    // A person's name after a province and `và` is no second province; a street's may be a name.
    .init(
      text: "Hai bị can gồm Lê Minh Tâm trú tại tỉnh Yên Bái và Đỗ Văn Điệp quê ở Hà Nam.",
      expected: ["Lê Minh Tâm", "Đỗ Văn Điệp"]),
    .init(text: "Các phố Nguyễn Văn Tố và Nguyễn Thị Định bị ngập.", expected: []),
    // A small country between a title and a name is no part of the name.
    .init(text: "Thủ tướng Samoa Tuilaepa Malielegaoi phát biểu.", expected: ["Tuilaepa Malielegaoi"]),
    .init(text: "Tổng thống Kyrgyzstan Almazbek Atambayev đến thăm.", expected: ["Almazbek Atambayev"]),
    // A firm's proper name after its office, when the article names the firm.
    .init(
      text: "Công ty TNHH Đông Khải Phát vừa khánh thành nhà máy. Tổng giám đốc Đông Khải Phát cho biết như vậy.",
      expected: []),
    .init(
      text: "Công ty TNHH Thu Hương mở cửa hàng. Ông Thu Hương, người sáng lập, cho biết như vậy.",
      expected: ["Thu Hương"]),
    .init(
      text: "Công ty Nguyễn Kim Anh mở cửa hàng. Tổng giám đốc Nguyễn Kim Anh cho biết như vậy.",
      expected: ["Nguyễn Kim Anh"]),
    // A credit glued to the next sentence's cue.
    .init(text: "Hiện trường vụ nổ. Ảnh: APNghi phạm Tarik Benali bị bắt giữ.", expected: ["Tarik Benali"]),
    // More common given names; an apostrophe inside a foreign name.
    .init(text: "Người tiền nhiệm Leon Marsh từng cam kết như vậy.", expected: ["Leon Marsh"]),
    .init(text: "Sau đó, Moshe Ba’adon cũng lên tiếng.", expected: ["Moshe Ba'adon"]),
    // After the middle name `Thị` a given name follows, even one that is also a word of bodies
    // (`tỉnh`); a name left at `Thị` is no name.
    .init(text: "Chiều qua, bà Trương Thị Tỉnh (ngụ phường 3) đến trình báo.", expected: ["Trương Thị Tỉnh"]),
    .init(text: "Hồ sơ số 7 của bà Lê Thị 12 trang đã nộp.", expected: []),
    // An age after a name keeps it a person though the article also writes it after `tập`.
    .init(
      text: "Công an đã triệu tập Đỗ Thị Kim Loan để làm rõ. Trước đó, Đỗ Thị Kim Loan (32 tuổi) đã khai nhận.",
      expected: ["Đỗ Thị Kim Loan"]),
    // A word that opens the sentence is no part of the foreign name after it.
    .init(text: "Khi Peter Lindqvist đến Hà Nội, trời đang mưa.", expected: ["Peter Lindqvist"]),
    // A two-word place ends a foreign name: `X Việt Nam` is a nickname, not the name.
    .init(text: "Cô được gọi là Taylor Brenner Việt Nam vì giọng hát.", expected: ["Taylor Brenner"]),
    // A body's abbreviation between a title and the name: the whole run after it is the name.
    .init(text: "Chủ tịch HTKQ Dario Velten cho biết giá sẽ giảm.", expected: ["Dario Velten"]),
    .init(text: "Phó Chủ tịch UBND Nguyễn Hữu Thạch ký quyết định.", expected: ["Nguyễn Hữu Thạch"]),
    .init(text: "Giám đốc NXB Hoa Mai cho biết sách đã in xong.", expected: []),
    .init(text: "Chủ tịch UBND Quận Hòa Xuân ký quyết định.", expected: []),
    .init(text: "Theo Chủ tịch HĐQT Minhbank Lê Văn Tám, lãi suất sẽ giảm.", expected: []),
    // `nhà trường` is the school one works at; `Quốc hội` ends a body before a name.
    .init(text: "Hiệu trưởng nhà trường Trần Thị Bích Hạnh cho biết như vậy.", expected: ["Trần Thị Bích Hạnh"]),
    .init(text: "Theo Chủ nhiệm Ủy ban Kinh tế của Quốc hội Đinh Văn Khải, luật cần sửa.", expected: ["Đinh Văn Khải"]),
    .init(text: "Em học ở trường PTDL Lê Văn Hưu từ năm lớp một.", expected: []),
    // Kinship cues for children and neighbours.
    .init(text: "Cậu bé Minh Khang hát rất hay.", expected: ["Minh Khang"]),
    .init(text: "Người hàng xóm Tom Hadley nghe tiếng kêu cứu.", expected: ["Tom Hadley"]),
    // A Gaelic surname keeps its inner capital: no lost break between two sentences.
    .init(text: "Nhà báo Sean McAlister đã có mặt.", expected: ["Sean McAlister"]),
    // A bracket closes a photo credit glued to the next sentence.
    .init(text: "Cảnh lễ hội (Ảnh: TTXVN)Ông Phạm Văn Tư cho biết lễ hội kéo dài ba ngày.", expected: ["Phạm Văn Tư"]),
    // An initial glued to the rest of a foreign name: unknown where it ends.
    .init(text: "Theo Anne K.Whitfield, dự án đã xong.", expected: []),
    // A landmark, a league, a club or a country's other spelling is never the person after a
    // cue: skipped like a country when a name follows it, nothing when none does.
    .init(text: "Người phát ngôn Lầu Năm Góc Jeremy Holt cho biết như vậy.", expected: ["Jeremy Holt"]),
    .init(text: "Theo người phát ngôn Điện Kremlin, Nga sẽ đáp trả.", expected: []),
    .init(text: "Đại sứ Arập Xêút tại Hà Nội đã đến thăm.", expected: []),
    .init(text: "HLV Man Utd Darren Cole hài lòng với trận hòa.", expected: ["Darren Cole"]),
    .init(text: "Đội bóng vừa vô địch La Liga mùa này, Man Utd, nữ diễn viên hâm mộ.", expected: []),
    // A family name and words no Vietnamese syllable is shaped like: a league, not a person.
    .init(text: "Cuộc đua ở La Liga Real Madrid vẫn dẫn đầu.", expected: []),
    .init(text: "Sáng nay Lò Văn Puôn (40 tuổi) đã ra đầu thú.", expected: ["Lò Văn Puôn"]),
    // A make of car after `lái xe` is driven, not named; one letter after `ông` is an initial.
    .init(text: "Anh ta lái xe Toyota Camry chạy quá tốc độ.", expected: []),
    .init(text: "Ông A cho biết bà B bị thương nhẹ.", expected: []),
    .init(text: "Giáo hoàng La Mã đã gửi thư chúc mừng.", expected: []),
    .init(text: "Cô được chọn làm Đại sứ Kim Mã năm nay.", expected: []),
    .init(text: "Luật sư Trần Bảo Ngọc, Đoàn Luật sư tỉnh, nhận bào chữa.", expected: ["Trần Bảo Ngọc"]),
    // `Theo` opens the source line after a byline, never a given name.
    .init(text: "Bài viết của Hà Minh Thư Theo báo Tuổi Trẻ.", expected: ["Hà Minh Thư"]),
    // A given name that is also a place's or a body's level word, when no proper name follows it.
    .init(text: "Ông Lê Văn Huyện, Chánh thanh tra Sở, cho biết như vậy.", expected: ["Lê Văn Huyện"]),
    .init(text: "Hôm qua ông Trần Văn Đường cho biết đã nộp đơn.", expected: ["Trần Văn Đường"]),
    .init(text: "Ông Lê Văn Tâm Huyện ủy viên đã về hưu.", expected: ["Lê Văn Tâm"]),
    .init(text: "Ông Phạm Văn Sáu Huyện Đông Anh đến dự.", expected: ["Phạm Văn Sáu"]),
    // A Korean given name keeps its small part after the hyphen.
    .init(text: "Nhà lãnh đạo Kim Jong-un thị sát một đơn vị.", expected: ["Kim Jong-un"]),
    // A name set off by commas after the title of the body it heads.
    .init(text: "Chủ tịch Brelford, Anton Weiss, cho biết đội sẽ mua thêm cầu thủ.", expected: ["Anton Weiss"]),
    .init(text: "Người phát ngôn của Điện Elysee, Odile Vautrin, cho biết như vậy.", expected: ["Odile Vautrin"]),
    .init(text: "Thị trưởng thành phố Lvova, Tây Ukraine, cho biết như vậy.", expected: []),
    .init(text: "Giám đốc Sở Y tế, Bệnh viện Bạch Mai, đã đến thăm.", expected: []),
    .init(text: "Sau trận đấu ở Brelford, Anton Weiss, Pavel Marek đều về nước.", expected: []),
    .init(text: "Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo, đã ký văn bản.", expected: []),
    // A role or a series names a character or a work, not a person.
    .init(text: "Cậu từng đóng vai Harry Potter trong ba phần phim.", expected: []),
    .init(text: "Khán giả chờ series Sherlock Holmes mới.", expected: []),
    // `nhà` before a full name is that person's home; after an era word, a dynasty.
    .init(text: "Chiều qua Tâm đến nhà Trần Văn Lộc chơi.", expected: ["Trần Văn Lộc"]),
    .init(text: "Ngôi đình được dựng từ thời nhà Nguyễn Gia Miêu.", expected: []),
    .init(text: "Khách sạn ở phố nhà Thờ Lớn.", expected: []),
    // A photographer's initials glued to the kinship word opening the next sentence.
    .init(text: "Cảnh hiện trường. Ảnh: M.TAnh Nguyễn Văn Bảy, hàng xóm của nạn nhân, kể lại.", expected: ["Nguyễn Văn Bảy"]),
    .init(text: "Cảnh hiện trường. Ảnh: M.TAnh Nguyễn kể lại.", expected: []),
    // A role, a few small words about it, then a foreign name.
    .init(text: "Chuyên gia phân tích chính trị Radu Ionescu nhận định như vậy.", expected: ["Radu Ionescu"]),
    .init(text: "Nhà thiết kế nổi tiếng Ilse Vandermeer đã đến Hà Nội.", expected: ["Ilse Vandermeer"]),
    .init(text: "Nữ diễn viên phim Harry Potter đã đến Hà Nội.", expected: []),
    .init(text: "Cầu thủ đội tuyển Costa Rica ghi bàn thắng duy nhất.", expected: []),
    .init(text: "Chuyên gia kinh tế Ngân hàng Thế giới cho biết như vậy.", expected: []),
    .init(text: "Nhà báo đến từ New Bradford kể lại.", expected: []),
    .init(text: "Tay vợt vô địch Roland Garros năm ngoái đã rút lui.", expected: []),
    .init(text: "Cầu thủ khoác áo Bayern Brelford ghi bàn.", expected: []),
    .init(text: "Buổi lễ diễn ra tại nhà văn hóa Thanh Bình của phường.", expected: []),
    // Two sentences a scraper glued when it lost a paragraph break: the second opens a sentence.
    .init(text: "Ông Hà Văn Lực đã sang MỹBà Trịnh Thị Nhàn cho biết như vậy.", expected: ["Hà Văn Lực", "Trịnh Thị Nhàn"]),
    .init(text: "Hãng tin đưa tin trước ReutersChị Đàm Thị Quyên nói.", expected: ["Đàm Thị Quyên"]),
    .init(text: "Đoàn khách đến năm 2013Ông Vương Đình Khải phát biểu.", expected: ["Vương Đình Khải"]),
    // A name written with a capital inside is no glue: nothing is cut from it.
    .init(text: "HLV Mark McAlister đến sân.", expected: ["Mark McAlister"]),
  ]

  @Test(arguments: cases)
  func people(_ c: Case) {
    #expect(extracted("Tin tổng hợp\n\n" + c.text).people.map(\.name) == c.expected)
  }

  /// Extracts each text as an article, then resolves them as one corpus.
  static func corpus(_ texts: [String]) -> [Article] {
    var articles = texts.enumerated().map { ArticleExtractor.extract(text: "Tin tổng hợp\n\n" + $1, id: "p\($0)", origin: nil) }
    PeopleResolver.resolve(&articles)
    return articles
  }

  static let evidence = [
    "HLV Robert Kowalczyk đã ký hợp đồng.", "Tiền đạo Robert Kowalczyk ghi bàn.", "Ca sĩ Anna Kestrel hát.",
    "Nữ ca sĩ Anna Kestrel lưu diễn.", "Công ty TNHH Kestrel bị phạt.", "Thủ môn Jonas Banh bắt chính.",
    "Tiền đạo Jonas Banh ghi bàn.", "Chuyên gia Samir Shah cho biết.", "Ông Samir Shah nói.",
    "Họa sĩ Ilse Olsen vẽ tranh.", "Nhà báo Ilse Olsen viết bài.",
  ]

  struct LoneCase: Sendable, CustomStringConvertible {
    var text: String
    var expected: [String]
    var description: String { text }
  }

  /// A foreign surname alone is a person only when the corpus names it in full in two articles,
  /// and never when a body is named with it or an initial stands before it.
  static let loneCases: [LoneCase] = [
    .init(text: "Trận đấu hôm qua, Kowalczyk đã chơi rất hay.", expected: ["Kowalczyk"]),
    .init(text: "Trận đấu hôm qua, Kestrel đã tài trợ giải.", expected: []),
    .init(text: "Tàu sân bay George W. Kowalczyk rời cảng.", expected: []),
    .init(text: "Trận đấu hôm qua, Jaworski đã chơi rất hay.", expected: []),
    .init(text: "Công ty Kestrel Kowalczyk mở chi nhánh.", expected: []),
    // After `ở` or `tại` a lone word is a place; at a sentence's start, one written as a
    // Vietnamese syllable owes its capital to the sentence.
    .init(text: "Trận đấu diễn ra ở Kowalczyk, gần biên giới.", expected: []),
    .init(text: "Trận đấu hôm qua, Banh đã bắt rất hay.", expected: ["Banh"]),
    .init(text: "Trời mưa to. Banh lăn ra khỏi sân.", expected: []),
    // A monarch's title written alone is the office; after a spaced dash and a name, a word ends
    // a longer name.
    .init(text: "Bức tượng của Shah được trưng bày ở bảo tàng.", expected: []),
    .init(text: "Trận đấu hôm qua, Weip - Olsen đã vẽ rất đẹp.", expected: []),
    .init(text: "Hôm qua, Olsen đã vẽ rất đẹp.", expected: ["Olsen"]),
    // An era named after a foreigner is no place: the same word elsewhere stays the person.
    .init(text: "Dưới thời Kowalczyk, đội chơi hay. Hôm qua, Kowalczyk đã chơi rất hay.", expected: ["Kowalczyk"]),
  ]

  @Test(arguments: loneCases)
  func loneSurname(_ c: LoneCase) {
    let articles = Self.corpus(Self.evidence + [c.text])
    #expect(articles[Self.evidence.count].people.map(\.name) == c.expected)
  }

  /// A word found alone after a title in two other articles (`Tổng thống Petrovan`) is evidence
  /// enough for the same word standing alone; one article is not.
  @Test(arguments: [
    (["Tổng thống Petrovan phát biểu tại hội nghị.", "Hôm qua Tổng thống Petrovan tiếp đoàn."], ["Petrovan"]),
    (["Tổng thống Petrovan phát biểu tại hội nghị."], []),
    (["Trận đấu hôm qua, Petrovan ghi bàn.", "Trong hiệp hai, Petrovan ghi thêm."], []),
  ])
  func loneWordAfterATitleElsewhere(_ evidence: [String], _ expected: [String]) {
    let articles = Self.corpus(evidence + ["Chiều qua, Petrovan đã ký sắc lệnh mới."])
    #expect(articles[evidence.count].people.map(\.name) == expected)
  }

  /// Two given names alone (`Khuê Diên đã hát`) are a person when two other articles name them
  /// after a word that announces one (`ca sĩ Khuê Diên`); never on one article's evidence, nor on
  /// names standing bare elsewhere, nor after a word that makes them a paper or a firm, nor as a
  /// byline, nor when a word is no Vietnamese syllable (`Bret Hal`).
  static let cuedTwice = ["Ca sĩ Khuê Diên hát rất hay.", "Nữ ca sĩ Khuê Diên lưu diễn.", "Ca sĩ Bret Hal hát.", "Ca sĩ Bret Hal lưu diễn."]
  @Test(arguments: [
    (cuedTwice, "Tối qua, Khuê Diên đã hát ba bài.", ["Khuê Diên"]),
    (cuedTwice, "Khuê Diên vừa ra mắt album mới.", ["Khuê Diên"]),
    (Array(cuedTwice.prefix(1)), "Tối qua, Khuê Diên đã hát ba bài.", []),
    (["Chị Khuê Diên bán hàng.", "Hôm qua chị Khuê Diên đến."], "Tối qua, Khuê Diên đã hát ba bài.", []),
    (["Hôm qua Khuê Diên hát.", "Khuê Diên lưu diễn ở Huế."], "Tối qua, Khuê Diên đã hát ba bài.", []),
    (cuedTwice, "Tờ báo Khuê Diên đưa tin giá vàng giảm.", []),
    (cuedTwice, "Công ty cổ phần Khuê Diên cho biết lãi tăng.", []),
    (cuedTwice, "Buổi diễn kết thúc lúc 22 giờ.Khuê Diên", []),
    (cuedTwice, "Tối qua, Bret Hal đã hát ba bài.", []),
    (cuedTwice, "Khán giả say mê giọng hát của Khuê Diên trong đêm nhạc.", ["Khuê Diên"]),
    (cuedTwice, "Tên trộm nhắm đến tiệm vàng Khuê Diên ở thị trấn.", []),
    (cuedTwice, "Cả nước mừng Ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi.", ["Hồ Chí Minh"]),
  ])
  func givenNamesCuedElsewhere(_ evidence: [String], _ text: String, _ expected: [String]) {
    let articles = Self.corpus(evidence + [text])
    #expect(articles[evidence.count].people.map(\.name) == expected)
  }
}
