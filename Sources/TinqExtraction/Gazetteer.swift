import TinqFacts
import TinqSupport
import TinqText

/// `Gazetteer` lists places written like names, so that no rule takes one for a person: the
/// provinces and cities (before and after the 2025 merger), districts and towns whose names start
/// like a family name, countries and regions as Vietnamese news writes them, and seas and oceans.
/// Public knowledge, compiled for Tinq.
enum Gazetteer {
  static let provinces = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa", "Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bắc Cạn",
    "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ",
    "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đăk Lăk", "Đắc Lắc", "Đắk Nông", "Đăk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tây", "Hà Tĩnh", "Hải Dương", "Hải Phòng",
    "Hậu Giang", "Hòa Bình", "Hoà Bình", "Hưng Yên", "Khánh Hòa", "Khánh Hoà", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
    "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thanh Hoá", "Thừa Thiên Huế", "Thừa Thiên - Huế",
    "Thừa Thiên", "Huế", "Tiền Giang", "Hồ Chí Minh", "Sài Gòn", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
    "Vĩnh Phúc", "Yên Bái", "Sông Bé", "Hà Sơn Bình", "Nghệ Tĩnh", "Bình Trị Thiên", "Hà Bắc", "Hải Hưng",
  ]
  static let cities = [
    "Nha Trang", "Đà Lạt", "Phan Thiết", "Quy Nhơn", "Biên Hòa", "Biên Hoà", "Thủ Dầu Một", "Hạ Long", "Móng Cái",
    "Buôn Ma Thuột", "Pleiku", "Vinh", "Mỹ Tho", "Long Xuyên", "Châu Đốc", "Rạch Giá", "Cam Ranh", "Tuy Hòa",
    "Hội An", "Tam Kỳ", "Sa Pa", "Sapa", "Đồng Hới", "Đông Hà", "Uông Bí", "Cẩm Phả", "Sầm Sơn", "Cửa Lò",
    "Phú Quốc", "Côn Đảo", "Lý Sơn", "Thủ Đức", "Dĩ An", "Thuận An", "Bến Cát", "Tân Uyên", "Phan Rang",
    "Phan Rang - Tháp Chàm", "Tháp Chàm", "Cao Lãnh", "Hồng Ngự", "Tam Điệp", "Sơn Tây", "Hà Đông", "Bảo Lộc",
    "Gia Nghĩa", "Kon Plông", "Lào Cai", "Việt Trì", "Phủ Lý", "Hưng Yên", "Bắc Giang", "Từ Sơn", "Chí Linh",
    "Đồ Sơn", "Lê Chân", "Ngô Quyền", "Hồng Bàng", "Kiến An", "Dương Kinh", "Hải An", "Ba Đình", "Hoàn Kiếm",
    "Đống Đa", "Hai Bà Trưng", "Hoàng Mai", "Thanh Xuân", "Cầu Giấy", "Tây Hồ", "Long Biên", "Nam Từ Liêm",
    "Bắc Từ Liêm", "Từ Liêm", "Sóc Sơn", "Đông Anh", "Gia Lâm", "Thanh Trì", "Mê Linh", "Ba Vì", "Phúc Thọ",
    "Đan Phượng", "Hoài Đức", "Quốc Oai", "Thạch Thất", "Chương Mỹ", "Thanh Oai", "Thường Tín", "Phú Xuyên",
    "Ứng Hòa", "Mỹ Đức", "Bình Thạnh", "Gò Vấp", "Phú Nhuận", "Tân Bình", "Tân Phú", "Bình Tân", "Củ Chi",
    "Hóc Môn", "Bình Chánh", "Nhà Bè", "Cần Giờ", "Hoàng Sa", "Trường Sa", "Đồng Văn", "Mai Châu", "Lương Sơn",
    "Vũ Thư", "Đồng Hỷ", "Võ Nhai", "Kim Bôi", "Kim Sơn", "Kim Thành", "Kim Động", "Văn Lâm", "Văn Giang",
    "Văn Yên", "Văn Chấn", "Văn Bàn", "Lục Yên", "Lục Ngạn", "Lục Nam", "Bạch Long Vĩ", "Đông Triều", "Đình Lập",
    "Hà Quảng", "Hà Trung", "Hà Tiên", "Hà Lang", "Mai Sơn", "Phan Thiết", "Cao Phong", "Lâm Hà", "Lâm Thao",
    "Hồ Tràm", "Tô Hiệu", "Lái Thiêu", "Thái Hòa", "Nghĩa Đàn", "Quỳnh Lưu", "Diễn Châu", "Hoàng Hóa", "Tĩnh Gia",
    "Quảng Xương", "Lạng Giang", "Đoan Hùng", "Trấn Yên", "Kỳ Anh", "Hương Khê", "Hương Sơn", "Can Lộc", "Lệ Thủy",
    "Quảng Trạch", "Bố Trạch", "Hải Lăng", "Triệu Phong", "Gio Linh", "Vĩnh Linh", "Đắk Mil", "Krông Pắc",
    "Trảng Bom", "Long Thành", "Nhơn Trạch", "Xuân Lộc", "Tân Châu", "Cai Lậy", "Cái Bè", "Vị Thanh", "Ngã Bảy",
    "Tân An", "Đức Hòa", "Bến Lức", "Cần Giuộc", "Cần Đước", "Đồng Xoài", "Bình Long", "Phước Long", "Chơn Thành",
  ]
  static let countries = [
    "Việt Nam", "Thái Lan", "Hàn Quốc", "Trung Quốc", "Nhật Bản", "Triều Tiên", "Hoa Kỳ", "Mỹ", "Anh", "Pháp",
    "Đức", "Nga", "Ấn Độ", "Lào", "Campuchia", "Cam-pu-chia", "Miến Điện", "Myanmar", "Malaysia", "Ma-lai-xi-a",
    "Singapore", "Xin-ga-po", "Indonesia", "In-đô-nê-xi-a", "Philippines", "Phi-líp-pin", "Đài Loan", "Hồng Kông",
    "Hong Kong", "Úc", "Australia", "Ô-xtrây-li-a", "Canada", "Ca-na-đa", "Brazil", "Italia", "Italy", "Tây Ban Nha",
    "Bồ Đào Nha", "Hà Lan", "Bỉ", "Thụy Sĩ", "Thụy Điển", "Na Uy", "Đan Mạch", "Phần Lan", "Ba Lan", "Séc",
    "Hungary", "Ukraine", "U-crai-na", "Thổ Nhĩ Kỳ", "Iran", "I-ran", "Iraq", "I-rắc", "Syria", "Xy-ri", "Ai Cập",
    "Israel", "I-xra-en", "Palestine", "Ả Rập Xê Út", "Ả-rập Xê-út", "Afghanistan", "Pakistan", "Bangladesh",
    "Mông Cổ", "Cuba", "Cu-ba", "Mexico", "Mê-hi-cô", "Argentina", "Nam Phi", "Kenya", "Nigeria", "Libya",
    "Tunisia", "Venezuela", "Chile", "Peru", "Colombia", "New Zealand", "Niu Di-lân", "Brunei", "Bru-nây",
    "Đông Timor", "Áo", "Hy Lạp", "Ireland", "Scotland", "Xứ Wales", "Qatar", "Kuwait", "Jordan", "Lebanon",
    "Li-băng", "Yemen", "Sri Lanka", "Nepal", "Bhutan", "Maldives", "Belarus", "Kazakhstan", "Uzbekistan",
    "Romania", "Bulgaria", "Serbia", "Croatia", "Slovakia", "Slovenia", "Estonia", "Latvia", "Lithuania",
    "Iceland", "Morocco", "Ma-rốc", "Algeria", "Ethiopia", "Somalia", "Sudan", "Mali", "Angola", "Mozambique",
    "Ecuador", "Bolivia", "Uruguay", "Paraguay", "Panama", "Jamaica", "Haiti", "Nicaragua", "Honduras",
    "Guatemala", "Costa Rica", "Anh Quốc", "Vương quốc Anh", "Liên Xô", "Nam Hàn", "Bắc Triều Tiên", "Đại Hàn",
    "Ô-man", "Oman", "UAE", "Dubai", "Abu Dhabi", "Samoa", "Fiji", "Tonga", "Vanuatu", "Papua New Guinea",
    "Ghana", "Cameroon", "Senegal", "Bờ Biển Ngà", "Zimbabwe", "Zambia", "Uganda", "Tanzania", "Rwanda", "Congo",
    "Azerbaijan", "Armenia", "Gruzia", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Moldova", "Bosnia",
    "Montenegro", "Macedonia", "Albania", "Luxembourg", "Malta", "Síp", "Cyprus", "Bahrain",
    "Namibia", "Botswana", "Madagascar", "Mauritius", "Cộng hòa Séc", "Liechtenstein", "Andorra",
  ]
  static let regions = [
    "Biển Đông", "Thái Bình Dương", "Đại Tây Dương", "Ấn Độ Dương", "Bắc Băng Dương", "Địa Trung Hải",
    "Biển Hoa Đông", "Hoa Đông", "Hoa Nam", "Vịnh Bắc Bộ", "Vịnh Thái Lan", "Mê Kông", "Mekong", "Cửu Long",
    "Tây Nguyên", "Nam Bộ", "Bắc Bộ", "Trung Bộ", "Tây Bắc", "Đông Bắc", "Nam Trung Bộ", "Bắc Trung Bộ",
    "Đông Nam Bộ", "Tây Nam Bộ", "Đồng bằng sông Cửu Long", "Đông Nam Á", "Châu Á Thái Bình Dương", "Châu Á",
    "Châu Âu", "Châu Phi",
    "Châu Mỹ", "Châu Úc", "Trung Đông", "Bắc Mỹ", "Nam Mỹ", "Mỹ La-tinh", "Mỹ Latinh", "Tây Âu", "Đông Âu",
    "Bắc Phi", "Bắc Kinh", "Thượng Hải", "Quảng Châu", "Quảng Đông", "Quảng Tây", "Vân Nam", "Hải Nam",
    "Tứ Xuyên", "Tân Cương", "Tây Tạng", "Hồ Nam", "Hồ Bắc", "Hà Bắc", "Thâm Quyến", "Trùng Khánh", "Thiên Tân",
    "Sơn Đông", "Phúc Kiến", "Chiết Giang", "Giang Tô", "Cam Túc", "Hắc Long Giang", "Cát Lâm", "Liêu Ninh",
    "Nội Mông", "Thanh Hải", "Thiểm Tây", "An Huy", "Giang Tây", "Hà Nam", "Quý Châu", "Ninh Hạ", "Đài Bắc",
    "Tokyo", "Seoul", "Bình Nhưỡng", "Bangkok", "Phnom Penh", "Phnôm Pênh", "Viêng Chăn", "Vientiane",
    "Washington", "New York", "London", "Paris", "Berlin", "Moscow", "Mátxcơva", "Matxcơva", "Brussels",
    "Geneva", "Jakarta", "Manila", "Kuala Lumpur", "Yangon", "Canberra", "Sydney", "Melbourne", "Delhi",
    "New Delhi", "Mumbai", "Cairo", "Baghdad", "Damascus", "Tehran", "Kabul", "Islamabad", "Jerusalem",
    "Gaza", "Bờ Tây", "Crimea", "Kiev", "Kyiv", "Los Angeles", "San Francisco", "Chicago", "Texas",
    "California", "Florida", "Hawaii", "Alaska", "Boston", "Las Vegas", "Senkaku", "Điếu Ngư", "Scarborough", "Hoàng Nham", "Đông Kinh", "Thăng Long", "Đông Dương",
    "Mỹ Đình", "Hòn Gai", "Vịnh Hạ Long", "Hồ Gươm", "Hồ Tây", "Tam Đảo", "Ba Na", "Phong Nha", "Kẻ Bàng",
    "Cát Bà", "Cát Tiên", "Cù Lao", "Côn Sơn", "Hòn", "Bạch Mã", "Hải Vân", "Trường Sơn", "Hoàng Liên Sơn", "Fansipan", "Lý Sơn",
  ]

  /// Every listed place, by its words' hashes; the payload is unused.
  static let table = PhraseTable<Bool>((provinces + cities + countries + regions).map { ($0, true) })

  /// The provinces and cities of Vietnam alone.
  static let domestic = PhraseTable<Bool>((provinces + cities).map { ($0, true) })

  /// `match(_:at:)` returns how many words the place at word `i` spans, if one starts there.
  static func match(_ line: TextLine, at i: Int) -> Int? {
    guard line.words[i].isCapitalized else { return nil }
    return table.match(line, at: i, allowHyphens: true).map(\.count)
  }
}
