<?xml version="1.0" encoding="UTF-8"?>
<!--
  Guanxi's order document (urn:guanxi:order:1) to one iDempiere compositeOperation "SyncOrder", shaped like
  iDempiere's own sample (contracts/idempiere, samples/composite_SyncOrder.xml): business partner, contact,
  location, partner location, contact update, order header, one C_OrderLine per line, and the CO document action,
  all in one ERP transaction. Order lines name products by search key (lval = SKU); the order's DocumentNo is the
  CRM order number, so a repeated message updates the same order (CreateUpdate) instead of entering it twice.
  A cancellation reads the order by DocumentNo and voids it (VO).

  Parameters come from message headers that erp-idempiere.yaml sets from integration.properties (idempiere.*) and
  the secret store (the password); none of them is written in this file. The login and the createUpdateData
  operation come from idempiere-operations.xsl.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:o="urn:guanxi:order:1" xmlns:_0="http://idempiere.org/ADInterface/1_0"
                xmlns:exsl="http://exslt.org/common" exclude-result-prefixes="o exsl">
  <xsl:include href="idempiere-operations.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>


  <xsl:template match="/o:SalesOrder">
    <_0:compositeOperation>
      <_0:CompositeRequest>
        <xsl:call-template name="login"/>
        <_0:serviceType>SyncOrder</_0:serviceType>
        <_0:operations>
          <xsl:choose>
            <xsl:when test="@event = 'cancelled'"><xsl:call-template name="void"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="enter"/></xsl:otherwise>
          </xsl:choose>
        </_0:operations>
      </_0:CompositeRequest>
    </_0:compositeOperation>
  </xsl:template>

  <xsl:template name="enter">
    <xsl:call-template name="crud">
      <xsl:with-param name="service">CreateBPartner</xsl:with-param>
      <xsl:with-param name="table">C_BPartner</xsl:with-param>
      <xsl:with-param name="fields">
        <f c="Value" v="{o:Customer/o:Code}"/>
        <f c="Name" v="{o:Customer/o:Name}"/>
        <f c="TaxID" v="{o:Customer/o:TaxId}"/>
        <f c="IsVendor" v="N"/>
        <f c="IsCustomer" v="Y"/>
        <f c="IsTaxExempt" v="N"/>
        <f c="C_BP_Group_ID" v="{$idempiereBpGroupId}"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="crud">
      <xsl:with-param name="service">CreateUpdateUser</xsl:with-param>
      <xsl:with-param name="table">AD_User</xsl:with-param>
      <xsl:with-param name="fields">
        <f c="Name" v="{o:Customer/o:Name}"/>
        <f c="EMail" v="{o:Customer/o:Email}"/>
        <f c="C_BPartner_ID" v="@C_BPartner.C_BPartner_ID"/>
        <f c="Phone" v="{o:Customer/o:Phone}"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="crud">
      <xsl:with-param name="service">CreateUpdateLocation1</xsl:with-param>
      <xsl:with-param name="table">C_Location</xsl:with-param>
      <xsl:with-param name="fields">
        <f c="C_Country_ID" l="China"/>
        <f c="Address1" v="{o:ShipTo}"/>
        <f c="Address2" v=""/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="crud">
      <xsl:with-param name="service">CreateUpdateBPLocation</xsl:with-param>
      <xsl:with-param name="table">C_BPartner_Location</xsl:with-param>
      <xsl:with-param name="fields">
        <f c="C_BPartner_ID" v="@C_BPartner.C_BPartner_ID"/>
        <f c="C_Location_ID" v="@C_Location.C_Location_ID"/>
        <f c="IsShipTo" v="True"/>
        <f c="IsBillTo" v="True"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="crud">
      <xsl:with-param name="service">CreateUpdateUser</xsl:with-param>
      <xsl:with-param name="table">AD_User</xsl:with-param>
      <xsl:with-param name="fields">
        <f c="EMail" v="{o:Customer/o:Email}"/>
        <f c="C_BPartner_ID" v="@C_BPartner.C_BPartner_ID"/>
        <f c="C_BPartner_Location_ID" v="@C_BPartner_Location.C_BPartner_Location_ID"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="crud">
      <xsl:with-param name="service">createOrderRecord</xsl:with-param>
      <xsl:with-param name="table">C_Order</xsl:with-param>
      <xsl:with-param name="fields">
        <f c="M_Warehouse_ID" v="{$idempiereWarehouseId}"/>
        <f c="DocumentNo" v="{o:OrderNo}"/>
        <f c="POReference" v="{o:IdempotencyKey}"/>
        <f c="DateOrdered" v="{o:OrderDate}"/>
        <f c="AD_User_ID" v="@AD_User.AD_User_ID"/>
        <f c="C_BPartner_ID" v="@C_BPartner.C_BPartner_ID"/>
        <f c="C_BPartner_Location_ID" v="@C_BPartner_Location.C_BPartner_Location_ID"/>
        <f c="Bill_BPartner_ID" v="@C_BPartner.C_BPartner_ID"/>
        <f c="Bill_Location_ID" v="@C_BPartner_Location.C_BPartner_Location_ID"/>
        <f c="C_DocTypeTarget_ID" v="{$idempiereDocTypeId}"/>
        <f c="FreightCostRule" l="Freight included"/>
        <f c="FreightAmt" v="0"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="o:Lines/o:Line">
      <xsl:call-template name="crud">
        <xsl:with-param name="service">CreateOrderLine</xsl:with-param>
        <xsl:with-param name="table">C_OrderLine</xsl:with-param>
        <xsl:with-param name="preCommit" select="position() = 1"/>
        <xsl:with-param name="fields">
          <f c="AD_Org_ID" v="{$idempiereOrgId}"/>
          <f c="AD_Client_ID" v="{$idempiereClientId}"/>
          <f c="C_Order_ID" v="@C_Order.C_Order_ID"/>
          <f c="M_Product_ID" l="{o:Sku}"/>
          <f c="QtyEntered" v="{o:Quantity}"/>
          <f c="QtyOrdered" v="{o:Quantity}"/>
          <f c="Line" v="{o:LineNo * 10}"/>
          <f c="PriceEntered" v="{o:UnitPrice}"/>
          <f c="PriceActual" v="{o:UnitPrice}"/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="docAction">
      <xsl:with-param name="service">CompleteOrder</xsl:with-param>
      <xsl:with-param name="action">CO</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="void">
    <_0:operation preCommit="false" postCommit="false">
      <_0:TargetPort>readData</_0:TargetPort>
      <_0:ModelCRUD>
        <_0:serviceType>ReadOrder</_0:serviceType>
        <_0:TableName>C_Order</_0:TableName>
        <_0:RecordID>0</_0:RecordID>
        <_0:Filter>DocumentNo='<xsl:value-of select="o:OrderNo"/>'</_0:Filter>
        <_0:Action>Read</_0:Action>
      </_0:ModelCRUD>
    </_0:operation>
    <xsl:call-template name="docAction">
      <xsl:with-param name="service">VoidOrder</xsl:with-param>
      <xsl:with-param name="action">VO</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="docAction">
    <xsl:param name="service"/>
    <xsl:param name="action"/>
    <_0:operation preCommit="true" postCommit="true">
      <_0:TargetPort>setDocAction</_0:TargetPort>
      <_0:ModelSetDocAction>
        <_0:serviceType><xsl:value-of select="$service"/></_0:serviceType>
        <_0:tableName>C_Order</_0:tableName>
        <_0:recordID>0</_0:recordID>
        <_0:recordIDVariable>@C_Order.C_Order_ID</_0:recordIDVariable>
        <_0:docAction><xsl:value-of select="$action"/></_0:docAction>
      </_0:ModelSetDocAction>
    </_0:operation>
  </xsl:template>
</xsl:stylesheet>
