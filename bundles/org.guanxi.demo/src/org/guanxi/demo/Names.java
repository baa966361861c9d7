package org.guanxi.demo;

import java.util.Random;

/** Realistic names, places and numbers for demo customers: mostly Chinese, some Western. */
final class Names {

    // surname, pinyin
    private static final String[][] SURNAMES = { { "王", "wang" }, { "李", "li" }, { "张", "zhang" }, { "刘", "liu" },
            { "陈", "chen" }, { "杨", "yang" }, { "黄", "huang" }, { "赵", "zhao" }, { "吴", "wu" }, { "周", "zhou" },
            { "徐", "xu" }, { "孙", "sun" }, { "马", "ma" }, { "朱", "zhu" }, { "胡", "hu" }, { "郭", "guo" },
            { "何", "he" }, { "林", "lin" }, { "高", "gao" }, { "罗", "luo" }, { "郑", "zheng" }, { "梁", "liang" },
            { "谢", "xie" }, { "宋", "song" }, { "唐", "tang" }, { "许", "xu" }, { "韩", "han" }, { "冯", "feng" },
            { "邓", "deng" }, { "曹", "cao" }, { "欧阳", "ouyang" }, { "司马", "sima" } };
    private static final String[][] GIVEN = { { "伟", "wei" }, { "芳", "fang" }, { "娜", "na" }, { "秀英", "xiuying" },
            { "敏", "min" }, { "静", "jing" }, { "丽", "li" }, { "强", "qiang" }, { "磊", "lei" }, { "军", "jun" },
            { "洋", "yang" }, { "勇", "yong" }, { "艳", "yan" }, { "杰", "jie" }, { "娟", "juan" }, { "涛", "tao" },
            { "明", "ming" }, { "超", "chao" }, { "秀兰", "xiulan" }, { "霞", "xia" }, { "平", "ping" }, { "刚", "gang" },
            { "桂英", "guiying" }, { "建华", "jianhua" }, { "志强", "zhiqiang" }, { "晓燕", "xiaoyan" }, { "子涵", "zihan" },
            { "浩然", "haoran" }, { "雨萱", "yuxuan" }, { "一鸣", "yiming" } };
    private static final String[] WESTERN_FIRST = { "Emily", "James", "Olivia", "William", "Sophia", "Lucas", "Anna",
            "Thomas", "Laura", "Daniel", "Sarah", "Michael", "Julia", "David", "Emma", "Peter" };
    private static final String[] WESTERN_LAST = { "Smith", "Müller", "Johnson", "Brown", "Garcia", "Schneider",
            "Martin", "Dubois", "Rossi", "Clark", "Walker", "Novak", "Andersson", "Kowalski", "O'Brien", "Meyer" };
    // city, province, postal code prefix
    static final String[][] CITIES = { { "上海", "上海市", "200" }, { "北京", "北京市", "100" }, { "广州", "广东省", "510" },
            { "深圳", "广东省", "518" }, { "杭州", "浙江省", "310" }, { "南京", "江苏省", "210" }, { "成都", "四川省", "610" },
            { "武汉", "湖北省", "430" }, { "西安", "陕西省", "710" }, { "苏州", "江苏省", "215" }, { "天津", "天津市", "300" },
            { "重庆", "重庆市", "400" }, { "长沙", "湖南省", "410" }, { "青岛", "山东省", "266" }, { "厦门", "福建省", "361" },
            { "大连", "辽宁省", "116" } };
    private static final String[] STREETS = { "南京西路", "中山路", "人民路", "解放路", "建国路", "长江路", "和平路",
            "延安路", "淮海中路", "科技园路", "滨江大道", "学院路" };
    private static final String[] COMPANY_WORDS = { "华信", "恒通", "远航", "新锐", "同创", "鼎盛", "安泰", "宏达", "金桥",
            "星辰", "瑞丰", "天成", "博远", "中科", "汇丰", "联合" };
    private static final String[] COMPANY_TRADES = { "贸易", "科技", "物流", "电子", "食品", "建材", "医药", "服装", "机械",
            "咨询" };
    private static final String[] ROLES = { "采购经理", "总经理", "财务主管", "技术负责人", "行政助理", "Purchasing manager" };
    /** Logins of the sales reps who own the demo customers. */
    static final String[] OWNERS = { "wang.fang", "li.qiang", "chen.jing", "liu.yang", "zhao.min" };
    /** channel, subject: contacts a back office really logs */
    static final String[][] INTERACTIONS = { { "PHONE", "电话回访：产品使用情况" }, { "WECHAT", "微信咨询：新品报价" },
            { "VISIT", "上门拜访：年度采购计划" }, { "EMAIL", "Quotation follow-up" }, { "PHONE", "投诉：送货延迟" },
            { "MEETING", "会议：合同续签" }, { "SMS", "生日祝福短信" }, { "EMAIL", "Invoice question" },
            { "WEB", "官网留言：售后服务" }, { "PHONE", "催款提醒" } };
    static final String[] SOURCES = { "WEB", "REFERRAL", "TRADE_FAIR", "CALL", "WECHAT", "STORE", "CAMPAIGN" };

    private final Random random;

    Names(Random random) {
        this.random = random;
    }

    /** {display name, e-mail local part} */
    String[] person() {
        if (random.nextInt(100) < 15) {
            String first = pick(WESTERN_FIRST);
            String last = pick(WESTERN_LAST);
            return new String[] { first + " " + last,
                    (first + "." + last).toLowerCase().replace("ü", "ue").replace("'", "") };
        }
        String[] s = pick(SURNAMES);
        String[] g = pick(GIVEN);
        return new String[] { s[0] + g[0], g[1] + "." + s[1] };
    }

    String company(String city) {
        return city + pick(COMPANY_WORDS) + pick(COMPANY_TRADES) + "有限公司";
    }

    String[] city() {
        return pick(CITIES);
    }

    String street() {
        return pick(STREETS) + (1 + random.nextInt(999)) + "号";
    }

    String role() {
        return pick(ROLES);
    }

    String mobile() {
        int[] prefixes = { 130, 131, 132, 135, 136, 137, 138, 139, 150, 151, 158, 159, 186, 187, 188, 189 };
        return String.format("+86 %d %04d %04d", prefixes[random.nextInt(prefixes.length)], random.nextInt(10_000),
                random.nextInt(10_000));
    }

    String domain() {
        String[] d = { "163.com", "qq.com", "126.com", "sina.com", "gmail.com", "outlook.com", "foxmail.com" };
        return pick(d);
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
