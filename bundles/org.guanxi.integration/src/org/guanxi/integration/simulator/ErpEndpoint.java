package org.guanxi.integration.simulator;

import javax.xml.transform.Source;

import org.apache.cxf.binding.soap.SoapFault;
import org.w3c.dom.Element;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;

/**
 * The fake ERP's SOAP endpoint: the body element names the operation (document/literal, one element per
 * operation), so a payload provider needs no generated classes.
 */
@WebServiceProvider(serviceName = "ErpService", portName = "ErpPort", targetNamespace = FakeErp.NAMESPACE)
@ServiceMode(Service.Mode.PAYLOAD)
final class ErpEndpoint implements Provider<Source> {

    private final FakeErp erp;

    ErpEndpoint(FakeErp erp) {
        this.erp = erp;
    }

    @Override
    public Source invoke(Source request) {
        Element body = Soap.element(request);
        if (!FakeErp.NAMESPACE.equals(body.getNamespaceURI())) {
            throw new SoapFault("Unknown namespace " + body.getNamespaceURI(), SoapFault.FAULT_CODE_CLIENT);
        }
        String xml = switch (body.getLocalName()) {
            case "SubmitOrder" -> erp.submit(body);
            case "CancelOrder" -> erp.cancel(body);
            case "GetOrderUpdates" -> erp.updates(body);
            case "SyncPartner" -> erp.syncPartner(body);
            case "GetPartnerUpdates" -> erp.partnerUpdates(body);
            case "RecordRefund" -> erp.recordRefund(body);
            default -> throw new SoapFault("Unknown operation " + body.getLocalName(), SoapFault.FAULT_CODE_CLIENT);
        };
        return Soap.source(xml);
    }
}
