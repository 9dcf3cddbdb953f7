// Search synonyms, as data. Each group lists terms a shopper may type for the same goods; a query
// that contains any term of a group also matches documents with the others (at a lower score than
// the term itself). Groups are two-way on purpose: 水壶 finds "kettle" listings and "kettle" finds
// 电热水壶 listings. Kept in step with the seeded catalog (prisma/seed/catalog-data.ts), in both
// languages, and shared by both engines (the Meilisearch adapter turns it into its synonym map).
//
// Rules for adding a group: whole words; a single Chinese character only when nearly every word
// containing it means the same goods (橙, 灯 yes; 包 or 书 no: they would pull in 小包 snack packs
// and 书桌灯 lamps); English in the singular (plurals are stemmed); a term in two groups only when
// it really means both.

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // kitchen appliances
  ["水壶", "烧水壶", "电水壶", "热水壶", "电热水壶", "开水壶", "kettle", "electric kettle"],
  ["养生壶", "煮茶壶", "health pot"],
  ["手冲壶", "细口壶", "咖啡壶", "pour-over kettle", "gooseneck kettle"],
  ["调奶器", "恒温壶", "冲奶机", "formula kettle"],
  // digital
  ["耳机", "耳麦", "earphone", "headphone", "earbud", "headset"],
  ["蓝牙耳机", "无线耳机", "wireless earbud", "bluetooth headphone"],
  ["降噪", "noise cancelling", "noise-cancelling", "anc"],
  ["手机", "智能手机", "phone", "smartphone", "mobile phone", "cellphone"],
  ["老人机", "老年手机", "senior phone"],
  ["笔记本电脑", "笔记本", "手提电脑", "laptop", "notebook"],
  ["游戏本", "电竞本", "gaming laptop"],
  ["充电宝", "移动电源", "power bank", "portable charger"],
  ["充电器", "充电头", "快充头", "charger"],
  ["智能手表", "手表", "smartwatch", "watch"],
  ["手环", "运动手环", "fitness band", "fitness tracker"],
  ["电话手表", "儿童手表", "kids watch"],
  // apparel
  ["T恤", "短袖", "体恤", "tee", "t-shirt", "tshirt"],
  ["运动鞋", "跑步鞋", "跑鞋", "球鞋", "sneaker", "running shoe", "trainer"],
  ["帆布鞋", "板鞋", "canvas shoe"],
  ["斜挎包", "单肩包", "crossbody bag", "shoulder bag"],
  ["托特包", "通勤包", "tote", "tote bag"],
  ["手提包", "handbag"],
  // beauty
  ["口红", "唇膏", "lipstick"],
  ["唇釉", "唇彩", "lip gloss", "lip glaze"],
  ["精华", "精华液", "serum"],
  ["面霜", "保湿霜", "moisturiser", "moisturizer", "face cream"],
  ["防晒", "防晒霜", "防晒乳", "sunscreen", "sunblock"],
  // fresh food
  ["脐橙", "橙子", "橙", "orange", "navel orange"],
  ["血橙", "blood orange"],
  ["苹果", "apple"],
  ["水果", "鲜果", "fruit"],
  ["香菇", "蘑菇", "菌菇", "mushroom", "shiitake"],
  ["木耳", "黑木耳", "black fungus", "wood ear"],
  ["松子", "pine nut"],
  ["茶", "茶叶", "tea"],
  ["红茶", "滇红", "black tea"],
  ["普洱", "普洱茶", "pu'er", "puer"],
  ["乌龙茶", "铁观音", "oolong"],
  ["大米", "稻花香", "rice"],
  ["小米", "黄小米", "millet"],
  ["蜂蜜", "土蜂蜜", "honey"],
  // snacks
  ["零食", "小零食", "snack"],
  ["薯片", "chip", "crisp", "potato chip"],
  ["坚果", "果仁", "nut"],
  ["核桃", "walnut"],
  ["板栗", "栗子", "甘栗仁", "chestnut"],
  ["辣条", "魔芋爽", "konjac"],
  // home
  ["沙发", "sofa", "couch"],
  ["台灯", "书桌灯", "desk lamp", "table lamp"],
  ["小夜灯", "夜灯", "night light"],
  ["灯具", "灯", "lamp", "lighting"],
  // mother and baby, toys
  ["奶瓶", "baby bottle", "feeding bottle"],
  ["吸管杯", "学饮杯", "sippy cup"],
  ["积木", "拼装积木", "building block", "brick"],
  ["玩具", "toy"],
  ["儿童", "孩子", "宝宝", "kid", "child", "children"],
  ["母婴", "婴儿", "baby"],
  // sports and outdoors
  ["帐篷", "tent"],
  ["天幕", "遮阳棚", "canopy", "tarp"],
  ["露营", "camping"],
  ["哑铃", "dumbbell"],
  ["瑜伽垫", "健身垫", "yoga mat", "exercise mat"],
  ["健身", "fitness", "workout"],
  // pets
  ["猫粮", "cat food"],
  ["狗粮", "dog food"],
  ["宠物零食", "pet treat"],
  ["宠物碗", "猫碗", "狗碗", "pet bowl"],
  // books
  ["绘本", "picture book"],
  ["图书", "书籍", "book"],
  ["菜谱", "食谱", "cookbook", "recipe"],
  // jewellery
  ["项链", "necklace"],
  ["戒指", "ring"],
  ["耳钉", "耳环", "耳饰", "earring", "stud"],
  ["珍珠", "pearl"],
  ["发饰", "发圈", "抓夹", "hair accessory", "scrunchie", "claw clip"],
  // materials and qualities
  ["不锈钢", "stainless steel"],
  ["纯棉", "全棉", "cotton"],
  ["真皮", "牛皮", "leather"],
  ["礼盒", "礼盒装", "gift box", "gift set"],
];
