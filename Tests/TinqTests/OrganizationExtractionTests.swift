import Testing
import TinqExtraction
import Tinq
import TinqFacts

/// One sentence per organisation rule, with what must (and must not) come out of it. The first
/// line of a snippet may be taken as its title, so each case opens with a short title line.
@Suite struct OrganizationExtractionTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    /// `name` or `name|abbreviation`, in order of first mention.
    var expected: [String]
    var description: String { text }
  }

  static let cases: [Case] = [
    // A unit's name ends with the body it belongs to.
    .init(
      text: "Phòng CSHS Công an tỉnh Bình Dương phối hợp bắt giữ nhóm đối tượng.",
      expected: ["Phòng CSHS Công an tỉnh Bình Dương"]),
    .init(text: "Cán bộ Cục CSHS Bộ Công an đã có mặt.", expected: ["Cục CSHS Bộ Công an"]),
    // `về` and the field a body deals with.
    .init(
      text: "Đại diện Ban Chỉ đạo Nhà nước về Du lịch phát biểu.",
      expected: ["Ban Chỉ đạo Nhà nước về Du lịch"]),
    .init(
      text: "Hồ sơ được chuyển cho Phòng CSĐT tội phạm về TTXH xử lý.",
      expected: ["Phòng CSĐT tội phạm về TTXH"]),
    // A court with its level and the city it sits in.
    .init(text: "Sáng nay, TAND tối cao tại TP.HCM xử phúc thẩm vụ án.", expected: ["Tòa án nhân dân tối cao tại thành phố Hồ Chí Minh|TAND tối cao tại TP.HCM"]),
    .init(text: "Vụ án do VKSND tỉnh Bình Dương truy tố.", expected: ["Viện Kiểm sát nhân dân tỉnh Bình Dương|VKSND tỉnh Bình Dương"]),
    // Abbreviated heads written out.
    .init(text: "Đội CSGT số 3, CA Hà Nội cho biết đường đã thông.", expected: ["Đội CSGT số 3", "Công an Hà Nội|CA Hà Nội"]),
    // An organisation after a title word.
    .init(text: "Ông Minh, Trưởng Ban Tuyên giáo, phát biểu.", expected: ["Ban Tuyên giáo"]),
    .init(text: "Theo Cơ quan Hỗ trợ Phát triển, dự án đã xong.", expected: ["Cơ quan Hỗ trợ Phát triển"]),
    // Lowercase police with a level and a place.
    .init(text: "Anh ta đã đến công an quận 12 đầu thú.", expected: ["công an quận 12"]),
    .init(text: "Hiện công an huyện Định Quán đang điều tra.", expected: ["công an huyện Định Quán"]),
    // A short form of a listed body is kept as the abbreviation the text uses.
    .init(text: "Tiền đạo này đã gia nhập Man City hồi tháng trước.", expected: ["Manchester City|Man City"]),
    // A brand's branch in a country; the brand with a head is the same body.
    .init(text: "Theo đại diện Unilever Việt Nam, sản phẩm đã bị thu hồi.", expected: ["Unilever Việt Nam"]),
    .init(text: "Tập đoàn Huawei cho biết Huawei không liên quan.", expected: ["Tập đoàn Huawei"]),
    // A name stops before a verb glued to its last part.
    .init(text: "Hội nghị do Bộ Công Thương tổ chức tại Hà Nội.", expected: ["Bộ Công Thương"]),
    // A listed body followed by a person stays the body.
    .init(text: "Người phát ngôn Bộ Ngoại giao John Kirby khẳng định như vậy.", expected: ["Bộ Ngoại giao"]),
    // A school named after a person, after lowercase words.
    .init(text: "Học sinh Trường Tiểu học dân lập Đoàn Thị Điểm đến dự.", expected: ["Trường Tiểu học dân lập Đoàn Thị Điểm"]),
    // A family name inside a place.
    .init(text: "Chủ tịch UBND xã Vĩnh Đồng cho biết như vậy.", expected: ["Ủy ban nhân dân xã Vĩnh Đồng|UBND xã Vĩnh Đồng"]),
    // Not organisations: credits, the outlet's own address, titles, generic uses.
    .init(text: "VTV.vn - Sáng nay trời mưa to ở nhiều nơi.", expected: []),
    .init(text: "Người dân xếp hàng mua vé. Ảnh: Reuters", expected: []),
    .init(text: "Người dân xếp hàng mua vé (Ảnh: AFP/TTXVN). Hôm nay trời nắng.", expected: []),
    .init(text: "Người dân xếp hàng mua vé. Ảnh: AP- Kyodo. Hôm nay trời nắng.", expected: []),
    .init(text: "Giá xăng tăng mạnh trong tháng này.\nHoàng Hà (TTXVN)", expected: []),
    .init(text: "Thủ tướng Chính phủ đã phê duyệt đề án.", expected: []),
    .init(text: "Chính phủ hai nước nhất trí tăng cường hợp tác.", expected: []),
    .init(text: "Giống lúa được UBND tỉnh này hỗ trợ.", expected: []),
    // Not organisations: a person, a place, a street, a figure of speech, an exam.
    .init(text: "Thị trưởng Bloomberg phát biểu tại buổi lễ.", expected: []),
    .init(text: "Ông Michael Bloomberg đến thăm trường.", expected: []),
    .init(text: "Đoàn khách đi qua đường Nguyễn Trãi, quận Thanh Xuân.", expected: []),
    .init(text: "Ông ấy rất muốn vào Nhà trắng của đội bóng.", expected: []),
    .init(text: "Các trường xét tuyển theo kết quả thi THPT Quốc gia. Bên cạnh đó có trường riêng.", expected: []),
    .init(text: "Vợ chồng trẻ báo cáo lên Công an huyện. Nhận thấy vụ việc nghiêm trọng.", expected: []),
    .init(text: "Chiều qua, công an đã có mặt tại hiện trường.", expected: []),
    // A listed name whose parts a hyphen joins.
    .init(text: "Nhóm vũ trang này từng liên hệ với Al-Qaeda.", expected: ["Al-Qaeda"]),
    .init(text: "Hãng muốn vượt qua đối thủ Coca-Cola trên thị trường.", expected: ["Coca-Cola"]),
    // Listed lowercase words between a head and the place or listed body that names it.
    .init(
      text: "Hai nhân viên Cục điều tra Quốc gia Philippines đã đến nơi.",
      expected: ["Cục điều tra Quốc gia Philippines"]),
    .init(text: "Theo Đài phát thanh Canada, hội nghị đã kết thúc.", expected: ["Đài phát thanh Canada"]),
    .init(text: "Sở giao thông vận tải Hà Nội vừa ra thông báo.", expected: ["Sở giao thông vận tải Hà Nội"]),
    // Without a place or a listed body after them, they name no one body.
    .init(text: "Hội đồng khoa học đã họp vào sáng nay.", expected: []),
    .init(text: "Hội đồng khoa học Nguyễn Văn An phát biểu.", expected: []),
    // A police force with a level and a place, written in lowercase.
    .init(text: "Hiện cảnh sát thành phố Kim Hoa đang điều tra.", expected: ["cảnh sát thành phố Kim Hoa"]),
    // A government or an army in lowercase with its country is the country's, not a named body.
    .init(text: "Theo chính phủ Mỹ, quân đội Syria đã rút lui.", expected: []),
    // A body a title names, with the place it serves.
    .init(
      text: "Ông Lâm, Trưởng phòng Nông nghiệp huyện Chợ Lách, cho biết như vậy.",
      expected: ["phòng Nông nghiệp huyện Chợ Lách"]),
    .init(
      text: "Bà Hoa, Phó giám đốc sở Y tế tỉnh Bến Tre, đã có mặt.",
      expected: ["sở Y tế tỉnh Bến Tre"]),
    // A department of any body, or a person after the title, is none.
    .init(text: "Ông Lâm, Trưởng phòng Đào tạo, cho biết như vậy.", expected: []),
    .init(text: "Trưởng phòng Nguyễn Văn Lâm cho biết như vậy.", expected: []),
    // A listed body and a listed place right after it name the body's branch there.
    .init(
      text: "Lực lượng Bộ đội Biên phòng Quảng Nam đã bắt giữ đối tượng.",
      expected: ["Bộ đội Biên phòng Quảng Nam"]),
    // A listed body is Vietnam's own: the country after it adds nothing.
    .init(text: "Lực lượng Cảnh sát biển Việt Nam đã tuần tra.", expected: ["Cảnh sát biển|CSB"]),
    // A part of two capitalised syllables is whole: a small word after it begins what follows.
    .init(text: "Bộ Công Thương đẩy mạnh cải cách thủ tục.", expected: ["Bộ Công Thương"]),
    .init(text: "Chủ đầu tư là Công ty Hoàng Phát đồng thời là nhà thầu.", expected: ["Công ty Hoàng Phát"]),
    .init(text: "Đại diện Sở Tài nguyên và Môi trường cho biết.", expected: ["Sở Tài nguyên và Môi trường"]),
    .init(text: "Tổng cục Thể dục Thể thao vừa họp.", expected: ["Tổng cục Thể dục Thể thao"]),
    // A level abbreviated with a dot glued to the place.
    .init(text: "Chủ tịch UBND Q.Tân Bình ký quyết định.", expected: ["Ủy ban nhân dân quận Tân Bình|UBND Q.Tân Bình"]),
    // A national body has no branch in a province or city; a country's parliament is named.
    .init(text: "Đoàn đại biểu Quốc hội Hà Nội chủ trì cuộc họp.", expected: ["Quốc hội"]),
    .init(text: "Hôm qua Quốc hội Mỹ thông qua dự luật.", expected: ["Quốc hội Mỹ"]),
    // A ministry's or department's field in its standard abbreviation reads as its words.
    .init(text: "Theo Bộ GD-ĐT, kỳ thi vẫn giữ nguyên.", expected: ["Bộ Giáo dục và Đào tạo|Bộ GD-ĐT"]),
    .init(text: "Sở GD&ĐT Hà Nội vừa có văn bản.", expected: ["Sở Giáo dục và Đào tạo Hà Nội|Sở GD&ĐT Hà Nội"]),
    .init(
      text: "Bộ NN&PTNT và Bộ LĐ-TB&XH cùng ký.",
      expected: ["Bộ Nông nghiệp và Phát triển nông thôn|Bộ NN&PTNT", "Bộ Lao động - Thương binh và Xã hội|Bộ LĐ-TB&XH"]),
    .init(text: "Bộ GTVT yêu cầu làm rõ.", expected: ["Bộ Giao thông vận tải|Bộ GTVT"]),
    .init(text: "Bộ Y tế cảnh báo dịch.", expected: ["Bộ Y tế"]),
    .init(text: "Sau đó Công an H.Long Thành đã vào cuộc.", expected: ["Công an huyện Long Thành|Công an H.Long Thành"]),
    // Listed words of a police unit's field, `phòng, chống` with its comma.
    .init(text: "Cán bộ Cục Cảnh sát truy nã tội phạm đã có mặt.", expected: ["Cục Cảnh sát truy nã tội phạm"]),
    .init(
      text: "Tổng cục Cảnh sát phòng, chống tội phạm chỉ đạo điều tra.",
      expected: ["Tổng cục Cảnh sát phòng, chống tội phạm"]),
    // A hospital, a cooperative, a firm named after the listed words of its field.
    .init(text: "Nạn nhân được đưa vào Bệnh viện đa khoa Tân Phú cấp cứu.", expected: ["Bệnh viện đa khoa Tân Phú"]),
    .init(text: "Anh làm lái xe cho HTX vận tải công nghiệp Tiến Đạt.", expected: ["HTX vận tải công nghiệp Tiến Đạt"]),
    .init(text: "Lô hàng của Cty Nguyên liệu thuốc lá Vĩnh An bị giữ.", expected: ["Công ty Nguyên liệu thuốc lá Vĩnh An|Cty Nguyên liệu thuốc lá Vĩnh An"]),
    // A person after them is the person's name, not the body's.
    .init(text: "Theo Viện kiểm sát Nguyễn Văn Hùng đã ký.", expected: []),
    // Outlets and venues after a lowercase head: an outlet's common noun is not its name's, a
    // paper's `báo` and a venue's head are.
    .init(text: "Theo tờ Daily Star, cầu thủ này sẽ ra đi.", expected: ["Daily Star"]),
    .init(text: "Thông tin được đăng trên báo Sức khỏe & Đời sống.", expected: ["báo Sức khỏe & Đời sống"]),
    .init(text: "Đoàn nghỉ tại khách sạn Hoàng Yến, cách bờ biển không xa.", expected: ["khách sạn Hoàng Yến"]),
    .init(text: "Theo tờ The Wall Street Journal, thương vụ đã xong.", expected: ["Wall Street Journal"]),
    // Not outlets: `báo` in a verb or another noun, a journalist, a possessive, a small word that
    // may begin a verb.
    .init(text: "Tại cuộc họp báo Nadeau tỏ ra tự tin.", expected: []),
    .init(text: "Nhà báo Italy Mauro Lenti đã có mặt.", expected: []),
    .init(text: "Ảnh bìa tờ Harper's Bazaar số này rất đẹp.", expected: []),
    .init(text: "Theo báo Thanh niên đưa tin, vụ việc đã rõ.", expected: []),
    // Border posts, health stations, restaurants; military units by their number.
    .init(text: "Cán bộ Đồn Biên phòng Sà Phìn tuần tra.", expected: ["Đồn Biên phòng Sà Phìn"]),
    .init(text: "Trạm y tế phường 7 khám miễn phí cho trẻ em.", expected: ["Trạm y tế phường 7"]),
    .init(text: "Bữa tiệc ở Nhà hàng Hương Sen rất vui.", expected: ["Nhà hàng Hương Sen"]),
    .init(text: "Chiến sĩ Đại đội 21 giúp dân gặt lúa.", expected: ["Đại đội 21"]),
    // A region written as one place ends a company's name.
    .init(
      text: "Đại diện Công ty cổ phần Châu Á Thái Bình Dương cho biết.",
      expected: ["Công ty cổ phần Châu Á Thái Bình Dương"]),
    // Small words end a body's name before a bracket, `trực thuộc` or a listed place; not before
    // a period, which a verb may end the sentence with.
    .init(text: "Ông Tâm là hội viên Hội Nuôi ong mật Việt Nam.", expected: ["Hội Nuôi ong mật Việt Nam"]),
    .init(
      text: "Hội thảo do Trung tâm Hỗ trợ nông dân nghèo (HTND) tổ chức.",
      expected: ["Trung tâm Hỗ trợ nông dân nghèo|HTND"]),
    .init(
      text: "Ông là cán bộ Viện Nghiên cứu cây ăn quả trực thuộc Bộ Nông nghiệp.",
      expected: ["Viện Nghiên cứu cây ăn quả", "Bộ Nông nghiệp"]),
    .init(text: "Việc này Sở Giao thông đồng ý.", expected: ["Sở Giao thông"]),
    .init(text: "Sau đó Bộ GTVT giao phó (theo văn bản số 5).", expected: ["Bộ Giao thông vận tải|Bộ GTVT"]),
    // A Party cell is named by its place; in a body it is read as that body's.
    .init(text: "Hội nghị của Đảng bộ phường Tân Lập diễn ra sáng nay.", expected: ["Đảng bộ phường Tân Lập"]),
    .init(text: "Hội nghị của Đảng bộ Công ty Sao Mai diễn ra sáng nay.", expected: ["Công ty Sao Mai"]),
    // A head and an activity read on to the activity's object, up to what plainly ends it; with
    // no object, or one that runs on unclear, no body is named.
    .init(text: "Ông Bình làm việc tại Viện Nghiên cứu chim di cư từ lâu.", expected: ["Viện Nghiên cứu chim di cư"]),
    .init(text: "Bà Lan về hưu ở Viện Nghiên cứu văn hóa dân gian.", expected: ["Viện Nghiên cứu văn hóa dân gian"]),
    // With an object read already, only punctuation ends more of it.
    .init(text: "Bà Lan về hưu ở Viện Nghiên cứu văn hóa dân gian từ lâu.", expected: ["Viện Nghiên cứu văn hóa"]),
    .init(text: "Đề án của Cục Biến đổi thời tiết đã được duyệt.", expected: ["Cục Biến đổi thời tiết"]),
    .init(text: "Chị làm ở Trung tâm Bảo tồn nhà cổ và phát huy nghề truyền thống.", expected: ["Trung tâm Bảo tồn nhà cổ và phát huy nghề truyền thống"]),
    .init(text: "Quỹ do Công ty Quản lý tài sản Sao Bắc và một ngân hàng góp vốn.", expected: ["Công ty Quản lý tài sản Sao Bắc"]),
    .init(text: "Quỹ do Công ty Quản lý tài sản Sao Bắc điều hành.", expected: []),
    .init(text: "Ông Hải, Giám đốc Viện Nghiên cứu biển sâu ODRI, nhận xét.", expected: ["Viện Nghiên cứu biển sâu"]),
    .init(text: "Hồ sơ được nộp tại Đội Đăng ký quản lý tàu.", expected: ["Đội Đăng ký quản lý tàu"]),
    .init(
      text: "Cán bộ Cục Cảnh sát Quản lý hành chính về trật tự xã hội vững vàng về chính trị.",
      expected: ["Cục Cảnh sát Quản lý hành chính về trật tự xã hội"]),
    .init(text: "Mẫu nước do Chi cục Quản lý chất lượng và Bảo vệ nguồn lợi thủy sản lấy.", expected: []),
    .init(text: "Theo Viện Nghiên cứu, số liệu này chưa đầy đủ.", expected: []),
    .init(text: "Hồ sơ chuyển về Trung tâm Hướng dẫn, sau đó được duyệt.", expected: []),
    .init(text: "Cục Quản lý thị trường xử phạt 5 cơ sở.", expected: ["Cục Quản lý thị trường"]),
    // A body inside another, with no proper name, is none.
    .init(text: "Ban Giám đốc đã họp bàn phương án.", expected: []),
    .init(text: "Ban Tổ chức giải cho biết vé đã bán hết.", expected: []),
    // A committee of the parliament is named with it; the shorter mention is the same body.
    .init(
      text: "Ủy ban Tài chính của Quốc hội đã thẩm tra. Ủy ban Tài chính đề nghị sửa đổi.",
      expected: ["Ủy ban Tài chính của Quốc hội", "Quốc hội"]),
    // A street or a river named like a school or a body is none.
    .init(text: "Xe dừng trên đường Trường Sơn, gần sông Trường Giang.", expected: []),
    // The ruling party alone, and a party with a lowercase `đảng`.
    .init(text: "Chính sách của Đảng, pháp luật của Nhà nước được phổ biến.", expected: ["Đảng"]),
    .init(text: "Ứng viên đảng Cộng hòa và đảng Dân chủ Mỹ tranh luận.", expected: ["đảng Cộng hòa", "đảng Dân chủ Mỹ"]),
    .init(text: "Ông là Ủy viên Ban cán sự đảng, từng dự Đại hội Đảng lần thứ X.", expected: []),
    .init(text: "Ảnh: Văn Đảng. Việc củng cố tổ chức Đảng ở cơ sở được chú trọng.", expected: []),
    // A head after a plural, or with one after its name, names bodies of a kind, not one body.
    .init(text: "Tình trạng các Sở Xây dựng thiếu cán bộ kéo dài.", expected: []),
    .init(text: "Kỳ thi do Sở Giáo dục các địa phương tổ chức.", expected: []),
    .init(text: "Các Sở Y tế tỉnh Bình Dương và tỉnh Đồng Nai họp.", expected: ["Sở Y tế tỉnh Bình Dương"]),
    // A listed parent body's level and place close a unit's name.
    .init(text: "Bộ Chỉ huy BĐBP TP Hải Phòng đề nghị hỗ trợ.", expected: ["Bộ Chỉ huy BĐBP thành phố Hải Phòng|Bộ Chỉ huy BĐBP TP Hải Phòng"]),
    // The foreign source a story closes with; a listed one after a word glued to the credit.
    .init(text: "Giá dầu giảm mạnh trong tuần qua.\nTheo Oilprice", expected: ["Oilprice"]),
    .init(text: "Giá dầu giảm mạnh trong tuần qua. Lan Anh (theo Petro News)", expected: ["Petro News"]),
    .init(text: "Giá dầu giảm mạnh trong tuần qua.\nMinh HảiTheo Reuters", expected: ["Reuters"]),
    .init(text: "Giá dầu giảm mạnh trong tuần qua.\nTheo Thanh Hương", expected: []),
    .init(text: "Theo Oilprice, giá dầu giảm mạnh trong tuần qua.", expected: []),
    // A paper named after the body it belongs to names the paper alone.
    .init(text: "Theo tìm hiểu của Báo CAND, vụ việc đã rõ.", expected: ["Báo CAND"]),
    .init(text: "Phóng viên Tạp chí Cảnh sát biển có mặt.", expected: ["Tạp chí Cảnh sát biển"]),
    .init(text: "Cán bộ Văn phòng Bộ Công an đã có mặt.", expected: ["Văn phòng Bộ Công an", "Bộ Công an|BCA"]),
    // An outlet's abbreviation opening the line before a dash is its dateline; elsewhere it is cited.
    .init(text: "QĐND - Sáng nay, đoàn công tác đã lên đường.", expected: []),
    .init(text: "QĐND– Sáng nay, đoàn công tác đã lên đường.", expected: []),
    .init(text: "Sáng nay, lãnh đạo BCA - cơ quan chủ trì - đã họp.", expected: ["Bộ Công an|BCA"]),
    // The outlet a site's copyright line names is the site's own; other bodies there are named.
    .init(
      text: "Bản quyền thuộc về Tinq.vn - Báo điện tử của Báo Sức khỏe Mới - Bộ Y tế.",
      expected: ["Bộ Y tế"]),
    .init(text: "Phóng viên Báo Sức khỏe Mới đã có mặt.", expected: ["Báo Sức khỏe Mới"]),
    // A national body has no province's branch: the place is a member's constituency.
    .init(text: "Đại biểu Quốc hội tỉnh Yên Bái phát biểu ý kiến.", expected: ["Quốc hội"]),
    .init(text: "Chính phủ tỉnh Bình Dương là cách gọi sai.", expected: ["Chính phủ"]),
    .init(text: "Ủy ban nhân dân tỉnh Bình Dương đã họp.", expected: ["Ủy ban nhân dân tỉnh Bình Dương"]),
    // A number closing the clause after a proper name is the name's own.
    .init(text: "Bé được chuyển tới Bệnh viện Nhi Đồng 1 (TP.HCM) điều trị.", expected: ["Bệnh viện Nhi Đồng 1"]),
    .init(text: "Nhân viên Công ty bảo vệ Sao Mai 24/24, cho biết như vậy.", expected: ["Công ty bảo vệ Sao Mai 24/24"]),
    .init(text: "Công ty Sao Mai 2 năm liền đạt giải.", expected: ["Công ty Sao Mai"]),
    .init(text: "Công ty Sao Mai 2,5 tỷ đồng đã nộp.", expected: ["Công ty Sao Mai"]),
    .init(text: "Câu lạc bộ Sao Mai 2-1.", expected: ["Câu lạc bộ Sao Mai"]),
    .init(text: "Trụ sở Công an tỉnh Bình Dương 2.", expected: ["Công an tỉnh Bình Dương"]),
    // Abbreviations glued by a comma are one name; with a plural after it, bodies of a kind.
    .init(text: "Đại diện Sở VH,TT&DL các địa phương dự họp.", expected: []),
    .init(
      text: "Đại diện Sở VH,TT&DL tỉnh Bình Dương dự họp.",
      expected: ["Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Dương|Sở VH,TT&DL tỉnh Bình Dương"]),
    // The generic head before a listed abbreviation names the listed body.
    .init(text: "Khu dự trữ được Tổ chức UNESCO công nhận.", expected: ["UNESCO"]),
    .init(text: "Ông từng làm việc cho Tổ chức Y tế Thế giới.", expected: ["Tổ chức Y tế Thế giới"]),
    // `bộ` as a set of rules, a code or a collection names no ministry.
    .init(text: "Các bên thảo luận về Bộ Quy tắc ứng xử trên biển.", expected: []),
    .init(text: "Hành vi này vi phạm Bộ Luật Lao động.", expected: []),
    .init(text: "Đại diện Bộ Tài nguyên và Môi trường phát biểu.", expected: ["Bộ Tài nguyên và Môi trường"]),
    // `Trung ương Đảng` after a title.
    .init(text: "Ông là Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy.", expected: ["Trung ương Đảng"]),
    // Fields written small, joined by `và`, and a field's noun after a capitalised part.
    .init(
      text: "Đại diện Trung tâm Mạng lưới khí tượng thủy văn và môi trường phát biểu.",
      expected: ["Trung tâm Mạng lưới khí tượng thủy văn và môi trường"]),
    .init(text: "Đại diện Cục Biến đổi khí hậu phát biểu.", expected: ["Cục Biến đổi khí hậu"]),
    .init(text: "Sở Y tế và bệnh viện tỉnh đã họp.", expected: ["Sở Y tế"]),
    // A company's legal form alone names no company; a club by its short form.
    .init(text: "Anh làm việc cho một Công ty TNHH ở quận 7.", expected: []),
    .init(text: "Anh làm việc cho Công ty TNHH Hòa Bình ở quận 7.", expected: ["Công ty TNHH Hòa Bình"]),
    .init(text: "Chiến thắng của MU tại giải năm nay.", expected: ["Manchester United|MU"]),
    // The outlet the text is told or sent things to is the article's own, wherever it stands.
    .init(text: "VietNamNet đã đăng ý kiến bạn đọc. Ông Lâm vừa cho VietNamNet biết dự án sẽ xong.", expected: []),
    .init(text: "Bạn đọc gửi thông tin về cho VietNamNet qua thư điện tử.", expected: []),
    .init(
      text: "Báo Tin Mới đã đăng bài. Sở Y tế tỉnh Bình Dương vừa có văn bản gửi Báo Tin Mới.",
      expected: ["Sở Y tế tỉnh Bình Dương"]),
    .init(text: "Báo Tin Mới cho biết dự án sẽ xong.", expected: ["Báo Tin Mới"]),
    .init(text: "Bộ Y tế đã báo cho Sở Y tế tỉnh Bình Dương biết.", expected: ["Bộ Y tế", "Sở Y tế tỉnh Bình Dương"]),
    // Round 7: an institution's head, unlisted small words and a listed place that plainly ends
    // the name name a body (a foreign one, mostly).
    .init(text: "Cơ quan khí tượng biển Canada cho biết bão đã tan.", expected: ["Cơ quan khí tượng biển Canada"]),
    .init(text: "Số liệu do Hiệp hội nuôi ong mật Thái Lan công bố.", expected: ["Hiệp hội nuôi ong mật Thái Lan"]),
    .init(text: "Ông là thành viên Hội làm vườn tỉnh Nam Định.", expected: ["Hội làm vườn tỉnh Nam Định"]),
    // Not when the run holds a rank, a generic noun or a title, when a plural precedes, when the
    // place goes on after a seat or a dash, or when the head begins another word.
    .init(text: "Ngân hàng lớn thứ ba nước Mỹ vừa công bố lợi nhuận.", expected: []),
    .init(text: "Cơ quan chức năng Thái Lan đang điều tra.", expected: []),
    .init(text: "Ông Hòa, nguyên Viện trưởng viện Đông Nam Á, cho biết như vậy.", expected: []),
    .init(text: "Đại diện các Sở ban ngành tỉnh Nam Định đã có mặt.", expected: []),
    .init(text: "Đại diện Hội người Việt Nam tại Lyon phát biểu.", expected: []),
    .init(text: "Ông Minh là Chủ tịch Ủy ban hợp tác liên chính phủ Nga - Lào.", expected: []),
    .init(text: "Hội nghị thượng đỉnh Canada sẽ họp vào tuần tới.", expected: []),
    .init(text: "Trung tâm điều độ điện quốc gia Alpha đã báo cáo.", expected: []),
    // A firm after a lowercase `công ty`, `hãng` or `tập đoàn`, named with its head as written.
    .init(text: "Anh Nam làm kế toán cho công ty Hoa Lan, một doanh nghiệp nhỏ.", expected: ["công ty Hoa Lan"]),
    .init(text: "Mẫu xe mới do hãng Zentrix Motors (Đức) sản xuất.", expected: ["hãng Zentrix Motors"]),
    // Not a place (where the firm is from), a plural, a legal form alone, an initial, another
    // head, or a name that goes on past what is read.
    .init(text: "Nhiều công ty Thái Lan đã rút vốn.", expected: []),
    .init(text: "Các công ty OTT chưa nộp thuế.", expected: []),
    .init(text: "Chị là kế toán của một công ty TNHH nhỏ.", expected: []),
    .init(text: "Theo công ty A. B. Norton, giá sẽ giảm.", expected: []),
    .init(text: "Dự án của tổng công ty Đông Hải đã xong.", expected: []),
    .init(text: "Ông làm ở công ty Xổ số kiến thiết tỉnh.", expected: []),
    .init(text: "Chúng tôi đi xe của hãng Lanta đi Viêng Chăn.", expected: ["hãng Lanta"]),
    // `trực thuộc` ends a name, as a verb does.
    .init(text: "Trung tâm Đào tạo Việt - Hàn trực thuộc Viện Khoa học Khí tượng.", expected: ["Trung tâm Đào tạo Việt - Hàn", "Viện Khoa học Khí tượng"]),
    // `Vụ` before a foreign name is an affair; a department is named in Vietnamese or by an
    // abbreviation.
    .init(text: "Vụ Kowalski không làm ai bất ngờ.", expected: []),
    .init(text: "Ông làm ở Vụ Pháp chế rồi sang Vụ ASEAN.", expected: ["Vụ Pháp chế", "Vụ ASEAN"]),
    // A body opening a sentence glued to the one before it.
    .init(text: "Tin do hãng AP đưa trước đóSở Tư pháp tỉnh Lâm Đồng cho biết.", expected: ["AP", "Sở Tư pháp tỉnh Lâm Đồng"]),
    // A level in capitals: a number glued to it, or apart from its place; not after a firm.
    .init(text: "Chiều qua, UBND Q12 xin ý kiến các sở.", expected: ["Ủy ban nhân dân quận 12|UBND Q12"]),
    .init(text: "Tuần sau TAND TX Long Khánh mở phiên xử.", expected: ["Tòa án nhân dân thị xã Long Khánh|TAND TX Long Khánh"]),
    .init(
      text: "Đại diện VKSND TX. Hương Trà cho biết hồ sơ đã đủ.",
      expected: ["Viện Kiểm sát nhân dân thị xã Hương Trà|VKSND TX. Hương Trà"]),
    .init(text: "Tối đó, Công an P.Bến Nghé tuần tra.", expected: ["Công an phường Bến Nghé|Công an P.Bến Nghé"]),
    .init(text: "Đêm qua Công an P7 bắt giữ hai người.", expected: ["Công an phường 7|Công an P7"]),
    .init(text: "Chiều qua UBND Q.1 họp với các sở.", expected: ["Ủy ban nhân dân quận 1|UBND Q.1"]),
    .init(
      text: "Đề nghị Công an Q. Bình Thạnh phối hợp.", expected: ["Công an quận Bình Thạnh|Công an Q. Bình Thạnh"]),
    .init(
      text: "Tại trụ sở Công an phường Tân Hòa, Minh và Hùng khai nhận sự việc.", expected: ["Công an phường Tân Hòa"]),
  ]

  @Test(arguments: cases)
  func organizations(_ c: Case) {
    let found = extracted("Tin tổng hợp\n\n" + c.text).organizations.map { o in
      o.abbreviation.map { o.name + "|" + $0 } ?? o.name
    }
    #expect(found == c.expected)
  }
}

/// A ministry's field in its abbreviation, in the text and as typed after `mentions`, is one
/// organisation however it is written.
@Suite struct OrganizationFieldTests {
  @Test(arguments: [
    ("Bộ GD-ĐT", "Bộ Giáo dục và Đào tạo"),
    ("Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo"),
    ("Sở LĐTB&XH Hà Nội", "Sở Lao động - Thương binh và Xã hội Hà Nội"),
    ("Bộ VH,TT&DL", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("Bộ Y tế", "Bộ Y tế"),
    ("Bộ GD", "Bộ GD"),
    ("Nguyễn GTVT", "Nguyễn GTVT"),
    ("Bộ", "Bộ"),
    ("", ""),
    ("UBND TP.Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
    ("Công an TPHCM", "Công an thành phố Hồ Chí Minh"),
    ("Công an TP HCM", "Công an thành phố Hồ Chí Minh"),
    ("ubnd tp ha noi", "Ủy ban nhân dân thành phố ha noi"),
    ("UBND Q.Tân Bình", "Ủy ban nhân dân quận Tân Bình"),
    ("UBND Q.1", "Ủy ban nhân dân quận 1"),
    ("Công an H.Định Quán", "Công an huyện Định Quán"),
    ("Sở GD-ĐT TP.HCM", "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh"),
    ("Công ty H.T", "Công ty H.T"),
    ("UBND Q12", "Ủy ban nhân dân quận 12"),
    ("Công an P7", "Công an phường 7"),
    ("UBND P.Tân Định", "Ủy ban nhân dân phường Tân Định"),
    ("UBND TT.Trảng Bom", "Ủy ban nhân dân thị trấn Trảng Bom"),
    ("TAND TX Long Khánh", "Tòa án nhân dân thị xã Long Khánh"),
    ("VKSND TX. Hương Trà", "Viện Kiểm sát nhân dân thị xã Hương Trà"),
    ("Công ty Q10", "Công ty Q10"),
    ("Công ty TX Long Khánh", "Công ty TX Long Khánh"),
    ("UBND TX", "Ủy ban nhân dân TX"),
    ("UBND Q123", "Ủy ban nhân dân Q123"),
    ("Công an Q. Bình Thạnh", "Công an quận Bình Thạnh"),
    ("Công ty Q. Bình", "Công ty Q. Bình"),
    ("Nguyễn Văn TP", "Nguyễn Văn TP"),
    ("Phạm H.Thành", "Phạm H.Thành"),
  ] as [(String, String)])
  func written(name: String, expected: String) {
    #expect(OrganizationFields.written(name) == expected)
  }

  /// As a user types it: in small letters, without diacritics.
  @Test(arguments: [
    ("bo gd-dt", "bo Giáo dục và Đào tạo"),
    ("bộ gd&đt", "bộ Giáo dục và Đào tạo"),
    ("so ldtbxh ha noi", "so Lao động - Thương binh và Xã hội ha noi"),
    ("ubnd tp ha noi", "Ủy ban nhân dân thành phố ha noi"),
    ("cong an tphcm", "cong an thành phố Hồ Chí Minh"),
    ("ubnd q12", "Ủy ban nhân dân quận 12"),
    ("cong an p7", "cong an phường 7"),
    ("nguyen van bo", "nguyen van bo"),
  ] as [(String, String)])
  func typed(name: String, expected: String) {
    #expect(OrganizationFields.written(name, typed: true) == expected)
  }

  @Test func everySpellingFindsTheOneMinistry() throws {
    let corpus = Corpus(texts: [
      (id: "a", text: "Tin 1\n\nBộ GD-ĐT công bố lịch thi."),
      (id: "b", text: "Tin 2\n\nBộ Giáo dục và Đào tạo vừa ban hành quy chế."),
      (id: "c", text: "Tin 3\n\nTheo Bộ GD&ĐT, kỳ thi giữ nguyên."),
      (id: "d", text: "Tin 4\n\nBộ LĐ-TB&XH và Bộ Y tế cùng ký."),
      (id: "e", text: "Tin 5\n\nChủ tịch UBND TP.Hà Nội ký quyết định, Công an TPHCM phối hợp."),
      (id: "f", text: "Tin 6\n\nỦy ban nhân dân Thành phố Hà Nội yêu cầu báo cáo."),
    ])
    for (typed, expected) in [
      ("Bộ GD-ĐT", 3), ("Bộ Giáo dục và Đào tạo", 3), ("bo gddt", 3), ("Bộ GDĐT", 3), ("bo giao duc va dao tao", 3),
      ("Bộ Lao động - Thương binh và Xã hội", 1), ("Bộ LĐTB&XH", 1), ("Bộ Y tế", 1),
      ("UBND TP.Hà Nội", 2), ("Ủy ban nhân dân thành phố Hà Nội", 2), ("ubnd tp ha noi", 2),
      ("Công an TPHCM", 1), ("cong an thanh pho ho chi minh", 1),
    ] {
      guard case .count(let n) = try corpus.query("count articles where mentions \"\(typed)\"") else {
        Issue.record("no count for \(typed)")
        continue
      }
      #expect(n == expected, "mentions \(typed)")
      #expect(corpus.articles.filter { NameQuery(typed).mentionedIn($0) }.count == expected, "row by row: \(typed)")
    }
  }
}
