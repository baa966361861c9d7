package org.guanxi.customer.imports;

import org.guanxi.core.service.CustomerImportService.Field;
import org.guanxi.tables.Synonyms;

/** Header names in Chinese or English that propose a customer field. */
final class CustomerCsv {

    private static final Synonyms<Field> NAMES = new Synonyms<Field>()
            .add(Field.CODE, "code", "customercode", "customerno", "编号", "客户编号", "客户代码")
            .add(Field.KIND, "kind", "type", "partykind", "类型", "客户类型", "个人/企业")
            .add(Field.NAME, "name", "customer", "customername", "company", "姓名", "名称", "客户", "客户名称", "公司名称")
            .add(Field.PHONE, "phone", "mobile", "tel", "telephone", "电话", "手机", "手机号", "联系电话")
            .add(Field.EMAIL, "email", "e-mail", "mail", "邮箱", "电子邮件", "电子邮箱")
            .add(Field.MEMBER_CARD, "membercard", "card", "cardno", "会员卡", "会员卡号")
            .add(Field.TAX_ID, "taxid", "taxno", "vat", "税号", "纳税人识别号", "统一社会信用代码")
            .add(Field.ID_NUMBER, "idnumber", "idno", "身份证", "身份证号")
            .add(Field.CITY, "city", "城市", "所在城市")
            .add(Field.BIRTHDAY, "birthday", "birthdate", "dateofbirth", "生日", "出生日期")
            .add(Field.SOURCE, "source", "来源", "客户来源")
            .add(Field.OWNER, "owner", "salesrep", "负责人", "客户经理", "销售")
            .add(Field.NOTES, "notes", "note", "remarks", "comment", "备注")
            .add(Field.CONSENT_EMAIL, "consentemail", "emailoptin", "同意邮件")
            .add(Field.CONSENT_SMS, "consentsms", "smsoptin", "同意短信")
            .add(Field.CONSENT_PHONE, "consentphone", "phoneoptin", "同意电话");

    private CustomerCsv() {
    }

    /** The field a header names, or null. */
    static Field propose(String header) {
        return NAMES.propose(header);
    }
}
