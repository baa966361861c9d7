package org.guanxi.core.event;

/** OSGi EventAdmin topics by which modules tell each other about changes. Property {@code id}: the entity id. */
public final class Topics {

    public static final String CUSTOMER_CHANGED = "org/guanxi/customer/changed";
    public static final String CUSTOMER_DELETED = "org/guanxi/customer/deleted";
    public static final String INVENTORY_CHANGED = "org/guanxi/inventory/changed";
    public static final String INTEGRATION_CHANGED = "org/guanxi/integration/changed";
    public static final String ALL_CUSTOMER = "org/guanxi/customer/*";
    public static final String INTERACTION_LOGGED = "org/guanxi/interaction/logged";
    public static final String LEAD_CHANGED = "org/guanxi/sales/lead/changed";
    public static final String OPPORTUNITY_CHANGED = "org/guanxi/sales/opportunity/changed";
    public static final String OBJECTION_LOGGED = "org/guanxi/sales/objection/logged";
    public static final String QUOTE_CHANGED = "org/guanxi/sales/quote/changed";
    public static final String ORDER_CHANGED = "org/guanxi/sales/order/changed";
    public static final String CONTRACT_CHANGED = "org/guanxi/sales/contract/changed";
    public static final String CAMPAIGN_CHANGED = "org/guanxi/sales/campaign/changed";
    public static final String ACTIVITY_CHANGED = "org/guanxi/sales/activity/changed";
    /** Every sales change, for views that show leads, deals and objections together. */
    public static final String ALL_SALES = "org/guanxi/sales/*";
    /** A service case was opened, changed or escalated; complaints too. */
    public static final String CASE_CHANGED = "org/guanxi/service/case/changed";
    public static final String PROPERTY_ID = "id";
    /**
     * A call comes in (from a telephony adapter): property {@code phone} holds the caller's number, {@code ivr} the
     * keys the caller pressed in the IVR menu, if any.
     */
    public static final String CALL_INCOMING = "org/guanxi/call/incoming";
    public static final String PROPERTY_IVR = "ivr";
    public static final String PROPERTY_PHONE = "phone";

    private Topics() {
    }
}
