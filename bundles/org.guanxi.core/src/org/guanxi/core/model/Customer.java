package org.guanxi.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A customer (客户): a person or an organisation, with its contacts, addresses, further phones and e-mails and key dates. */
@Entity
@Table(name = "CUSTOMER")
public class Customer extends TrackedEntity {

    @Column(name = "CODE", nullable = false, length = 32, unique = true)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 16)
    private PartyKind kind = PartyKind.PERSON;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    /** Lower-case name for prefix search; kept by the entity itself so every writer fills it. */
    @Column(name = "NAME_KEY", nullable = false, length = 200)
    private String nameKey;

    /** Pinyin of the name without spaces, for searching Chinese names by typing latin letters. */
    @Column(name = "PINYIN_KEY", nullable = false, length = 400)
    private String pinyinKey;

    @Column(name = "PHONE", length = 40)
    private String phone;

    /** Normalised digits of the phone for the screen pop (see {@link SearchKeys#phoneKey}). */
    @Column(name = "PHONE_KEY", length = 40)
    private String phoneKey;

    /** {@link #phoneKey} reversed, for the search by a number's last digits. */
    @Column(name = "PHONE_TAIL", length = 40)
    private String phoneTail;

    @Column(name = "EMAIL", length = 200)
    private String email;

    /** Lower-case e-mail for lookups and duplicate checks. */
    @Column(name = "EMAIL_KEY", length = 200)
    private String emailKey;

    @Column(name = "MEMBER_CARD", length = 40)
    private String memberCard;

    @Column(name = "TAX_ID", length = 40)
    private String taxId;

    /** Personal ID number (身份证号) of a person; organisations use the tax number. */
    @Column(name = "ID_NUMBER", length = 40)
    private String idNumber;

    /** The type a user set; null lets the value analysis derive it from the data. */
    @Enumerated(EnumType.STRING)
    @Column(name = "CUSTOMER_TYPE", length = 16)
    private CustomerType type;

    @Column(name = "CONSENT_EMAIL", nullable = false)
    private boolean consentEmail;

    @Column(name = "CONSENT_SMS", nullable = false)
    private boolean consentSms;

    @Column(name = "CONSENT_PHONE", nullable = false)
    private boolean consentPhone;

    /** False once the person refused to be chosen for marketing by computed scores and classes (PIPL Art. 24). */
    @Column(name = "PERSONALISED", nullable = false)
    private boolean personalised = true;

    /** Yearly spend in our categories with all suppliers, where known: the base of the share of wallet. */
    @Column(name = "CATEGORY_SPEND", precision = 15, scale = 2)
    private java.math.BigDecimal categorySpend;

    @Column(name = "CITY", length = 100)
    private String city;

    @Column(name = "BIRTHDAY")
    private LocalDate birthday;

    @Column(name = "SOURCE", length = 40)
    private String source;

    @Column(name = "OWNER_LOGIN", length = 64)
    private String owner;

    @Column(name = "NOTES", length = 2000)
    private String notes;

    /** The ERP's number of this customer's business partner, once the ERP has acknowledged it. */
    @Column(name = "ERP_PARTNER_NO", length = 40)
    private String erpPartnerNo;

    /** The ERP's version of the business partner the CRM last saw: the base of the next update it sends. */
    @Column(name = "ERP_VERSION")
    private Long erpVersion;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Contact> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Address> addresses = new ArrayList<>();

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ContactPoint> contactPoints = new ArrayList<>();

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<KeyDate> keyDates = new ArrayList<>();

    public static String nameKeyOf(String name) {
        return SearchKeys.nameKey(name);
    }

    @Override
    protected void beforeWrite(Instant now) {
        nameKey = nameKeyOf(name);
        pinyinKey = SearchKeys.pinyinKey(name);
        phoneKey = SearchKeys.phoneKey(phone);
        phoneTail = SearchKeys.phoneTail(phoneKey);
        emailKey = SearchKeys.emailKey(email);
    }

    public String getErpPartnerNo() { return erpPartnerNo; }
    public void setErpPartnerNo(String erpPartnerNo) { this.erpPartnerNo = erpPartnerNo; }
    public Long getErpVersion() { return erpVersion; }
    public void setErpVersion(Long erpVersion) { this.erpVersion = erpVersion; }

    public void addContactPoint(ContactPoint p) {
        p.setCustomer(this);
        contactPoints.add(p);
    }

    public void addKeyDate(KeyDate d) {
        d.setCustomer(this);
        keyDates.add(d);
    }

    public void addContact(Contact c) {
        c.setCustomer(this);
        contacts.add(c);
    }

    public void addAddress(Address a) {
        a.setCustomer(this);
        addresses.add(a);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public PartyKind getKind() { return kind; }
    public void setKind(PartyKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) {
        this.name = name;
        this.nameKey = nameKeyOf(name);
        this.pinyinKey = SearchKeys.pinyinKey(name);
    }
    public String getPinyinKey() { return pinyinKey; }
    public String getNameKey() { return nameKey; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) {
        this.phone = phone;
        this.phoneKey = SearchKeys.phoneKey(phone);
        this.phoneTail = SearchKeys.phoneTail(phoneKey);
    }
    public String getPhoneKey() { return phoneKey; }
    public String getEmail() { return email; }
    public void setEmail(String email) {
        this.email = email;
        this.emailKey = SearchKeys.emailKey(email);
    }
    public String getEmailKey() { return emailKey; }
    public String getMemberCard() { return memberCard; }
    public void setMemberCard(String memberCard) { this.memberCard = memberCard; }
    public String getTaxId() { return taxId; }
    public void setTaxId(String taxId) { this.taxId = taxId; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public CustomerType getType() { return type; }
    public void setType(CustomerType type) { this.type = type; }
    public boolean isConsentEmail() { return consentEmail; }
    public void setConsentEmail(boolean consentEmail) { this.consentEmail = consentEmail; }
    public boolean isConsentSms() { return consentSms; }
    public void setConsentSms(boolean consentSms) { this.consentSms = consentSms; }
    public boolean isConsentPhone() { return consentPhone; }
    public void setConsentPhone(boolean consentPhone) { this.consentPhone = consentPhone; }
    public boolean isPersonalised() { return personalised; }
    public void setPersonalised(boolean personalised) { this.personalised = personalised; }
    public java.math.BigDecimal getCategorySpend() { return categorySpend; }
    public void setCategorySpend(java.math.BigDecimal categorySpend) { this.categorySpend = categorySpend; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public LocalDate getBirthday() { return birthday; }
    public void setBirthday(LocalDate birthday) { this.birthday = birthday; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public List<Contact> getContacts() { return contacts; }
    public List<Address> getAddresses() { return addresses; }
    public List<ContactPoint> getContactPoints() { return contactPoints; }
    public List<KeyDate> getKeyDates() { return keyDates; }
}
