package org.guanxi.integration.tests;

import static org.guanxi.integration.tests.ErpFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.Product;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.integration.Xml;
import org.guanxi.integration.simulator.IdempiereEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The iDempiere adapter: with {@code erp.contract=idempiere} in integration.properties (no code change) orders go to
 * an endpoint of iDempiere's compositeInterface contract as {@code compositeOperation} "SyncOrder". Every request
 * validates against idempiere-schema.xsd and has the structure of iDempiere's own sample request.
 */
class IdempiereAdapterTest {

    private static final String PASSWORD = "s3cret-从不写进文件";

    @TempDir
    Path home;

    private ErpFixture f;
    private Customer customer;
    private Product desk;
    private Product chair;

    @BeforeEach
    void start() throws Exception {
        f = new ErpFixture(home, new String[] { "erp.contract=idempiere" }, "idempiere.password=" + PASSWORD + "\n");
        customer = f.customer("杭州云栖科技有限公司");
        desk = f.product("DESK-01", "1800.00", 50);
        chair = f.product("CHAIR-02", "650.00", 50);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static Element parse(String xml) throws Exception {
        return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                .getDocumentElement();
    }

    /** Per operation: port and table, and the columns of its data row. */
    private static Map<String, Set<String>> operations(Element compositeRequest) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        int n = 0;
        for (Element ops : Xml.children(compositeRequest, "operations")) {
            for (Element op : Xml.children(ops, "operation")) {
                Element crud = Xml.child(op, "ModelCRUD");
                Element doc = Xml.child(op, "ModelSetDocAction");
                String table = crud != null ? Xml.text(crud, "TableName") : Xml.text(doc, "tableName");
                Set<String> columns = new LinkedHashSet<>();
                Element row = crud == null ? null : Xml.child(crud, "DataRow");
                if (row != null) {
                    Xml.children(row, "field").forEach(field -> columns.add(field.getAttribute("column")));
                }
                out.put(++n + " " + Xml.text(op, "TargetPort") + " " + table, columns);
            }
        }
        return out;
    }

    /** Element names from the root down, each path once: the shape of a document without its values. */
    private static Set<String> shape(Element e, String path, Set<String> out) {
        String here = path + "/" + e.getLocalName();
        out.add(here);
        for (Element c : childElements(e)) {
            shape(c, here, out);
        }
        return out;
    }

    private static List<Element> childElements(Element e) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    /** The requests of one kind (serviceType) the fake iDempiere received; customers and orders go there alike. */
    private List<String> received(String serviceType) {
        return f.erp.idempiere().received().stream().filter(r -> r.contains(">" + serviceType + "<")).toList();
    }

    private static Element sample() throws Exception {
        try (InputStream in = IdempiereEndpoint.class.getResourceAsStream("/routes/contracts/idempiere/samples/composite_SyncOrder.xml")) {
            Element envelope = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(in).getDocumentElement();
            Element body = Xml.child(envelope, "Body");
            return Xml.child(body, "compositeOperation");
        }
    }

    @Test
    void anOrderBecomesOneValidSyncOrderCompositeShapedLikeIdempieresSample() throws Exception {
        SalesOrder o = f.confirmed(customer, desk, 2);
        await("the C_Order id is the ERP number", () -> f.orders.get(o.getId()).getErpOrderNo() != null);

        List<String> received = received("SyncOrder");
        assertEquals(1, received.size());
        Element ours = parse(received.get(0));
        Element theirs = sample();
        // valid against the contract's schema (the fake refuses invalid requests too; this checks independently).
        // iDempiere's sample itself is not: its lookup fields (lval) lack the <val> the schema requires.
        IdempiereEndpoint.validate(Xml.child(ours, "CompositeRequest"));

        assertEquals(shape(theirs, "", new LinkedHashSet<>()), shape(ours, "", new LinkedHashSet<>()));
        Map<String, Set<String>> mine = operations(Xml.child(ours, "CompositeRequest"));
        Map<String, Set<String>> sample = operations(Xml.child(theirs, "CompositeRequest"));
        // the sample orders two lines, this order one: the sample's operations without its second line
        List<Map.Entry<String, Set<String>>> expected = new ArrayList<>(sample.entrySet());
        int secondLine = -1;
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).getKey().endsWith("C_OrderLine")) {
                secondLine = i;
            }
        }
        expected.remove(secondLine);
        List<Map.Entry<String, Set<String>>> actual = new ArrayList<>(mine.entrySet());
        assertEquals(expected.stream().map(e -> e.getKey().substring(e.getKey().indexOf(' ') + 1)).toList(),
                actual.stream().map(e -> e.getKey().substring(e.getKey().indexOf(' ') + 1)).toList());
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).getKey().endsWith("C_Location")) { // the CRM has no region or postcode of its own
                assertTrue(actual.get(i).getValue().containsAll(expected.get(i).getValue()),
                        actual.get(i).getKey() + ": " + actual.get(i).getValue() + " lacks some of " + expected.get(i).getValue());
            }
        }

        Element login = Xml.child(Xml.child(ours, "CompositeRequest"), "ADLoginRequest");
        assertEquals(PASSWORD, Xml.text(login, "pass"), "the password comes from the secret store");
        for (Path routeFile : Files.list(home.resolve("routes")).filter(p -> p.toString().endsWith(".yaml")).toList()) {
            assertFalse(Files.readString(routeFile).contains(PASSWORD));
        }
        assertFalse(Files.readString(home.resolve("integration.properties")).contains(PASSWORD));
    }

    @Test
    void aRepeatedMessageUpdatesTheSameOrderAndACancellationVoidsIt() throws Exception {
        SalesOrder o = f.confirmed(customer, chair, 4);
        await("sent", () -> f.orders.get(o.getId()).getErpOrderNo() != null);
        String erpNo = f.orders.get(o.getId()).getErpOrderNo();
        f.orders.cancel(o.getId(), f.orders.get(o.getId()).getVersion(), "客户改期");
        await("cancellation sent", () -> f.outbox.of("SalesOrder", o.getId()).stream().allMatch(m -> m.getStatus() == OutboxMessage.Status.SENT));
        Element voiding = parse(received("SyncOrder").get(1));
        IdempiereEndpoint.validate(Xml.child(voiding, "CompositeRequest"));
        assertEquals(List.of("1 readData C_Order", "2 setDocAction C_Order"), List.copyOf(operations(Xml.child(voiding, "CompositeRequest")).keySet()));
        assertEquals(erpNo, f.orders.get(o.getId()).getErpOrderNo(), "the voided C_Order is the one entered");
    }

    @Test
    void whatIdempiereRefusesIsParkedWithItsError() throws Exception {
        SalesOrder o = f.confirmed(customer, desk, 1);
        await("sent", () -> f.orders.get(o.getId()).getErpOrderNo() != null);
        String noSku = f.outbox.of("SalesOrder", o.getId()).get(0).getPayload().replace("<Sku>DESK-01</Sku>", "<Sku></Sku>")
                .replace(o.getOrderNo() + "<", o.getOrderNo() + "-B<");
        f.db.inTransaction(em -> f.outbox.append(em, "order.confirmed", "Test", 2, o.getOrderNo() + "-B:confirmed", noSku));
        await("parked", () -> f.outbox.of("Test", 2).get(0).getStatus() == OutboxMessage.Status.PARKED);
        OutboxMessage parked = f.outbox.of("Test", 2).get(0);
        assertEquals(1, parked.getAttempts());
        assertEquals("iDempiere refused the message: No product on order line", parked.getLastError());
    }

    @Test
    void aCustomerBecomesOneValidSyncBPartnerCompositeAndKeepsItsPartnerId() throws Exception {
        await("the C_BPartner id is the ERP partner number", () -> f.customers.get(customer.getId()).getErpPartnerNo() != null);
        String partnerId = f.customers.get(customer.getId()).getErpPartnerNo();
        Element first = parse(received("SyncBPartner").get(0));
        IdempiereEndpoint.validate(Xml.child(first, "CompositeRequest"));
        Map<String, Set<String>> ops = operations(Xml.child(first, "CompositeRequest"));
        assertEquals(List.of("1 createUpdateData C_BPartner", "2 createUpdateData AD_User"), List.copyOf(ops.keySet()),
                "no address, so no location");
        assertTrue(ops.get("1 createUpdateData C_BPartner").containsAll(List.of("Value", "Name", "TaxID", "IsCustomer", "C_BP_Group_ID")));
        assertTrue(ops.get("2 createUpdateData AD_User").containsAll(List.of("EMail", "Phone", "C_BPartner_ID")));
        assertEquals(PASSWORD, Xml.text(Xml.child(Xml.child(first, "CompositeRequest"), "ADLoginRequest"), "pass"));

        // a later change updates the same partner (found by its search key, the customer code)
        Customer c = f.customers.get(customer.getId());
        c.setPhone("+86 571 8888 0001");
        f.customers.save(c);
        await("second change sent", () -> received("SyncBPartner").size() == 2
                && f.outbox.of("Customer", customer.getId()).stream().allMatch(m -> m.getStatus() == OutboxMessage.Status.SENT));
        Element second = parse(received("SyncBPartner").get(1));
        IdempiereEndpoint.validate(Xml.child(second, "CompositeRequest"));
        assertTrue(received("SyncBPartner").get(1).contains("+86 571 8888 0001"));
        assertEquals(partnerId, f.customers.get(customer.getId()).getErpPartnerNo());

        // an edit of the shared part reaches the mappings that include it, without a restart
        String shared = "mappings/idempiere-operations.xsl";
        assertNull(f.runtime.save(shared, f.runtime.read(shared).replace("<_0:stage>9</_0:stage>", "<_0:stage>2</_0:stage>")));
        c = f.customers.get(customer.getId());
        c.setPhone("+86 571 8888 0002");
        f.customers.save(c);
        await("third change sent", () -> received("SyncBPartner").size() == 3);
        assertEquals("2", Xml.text(Xml.child(Xml.child(parse(received("SyncBPartner").get(2)), "CompositeRequest"), "ADLoginRequest"), "stage"));
    }
}
