<?xml version="1.0" encoding="UTF-8"?>
<!--
  Guanxi's customer document (urn:guanxi:customer:1, written by the CRM when a customer's partner fields change) to one
  iDempiere compositeOperation "SyncBPartner": the business partner (its search key Value is the CRM customer code,
  so a repeated or later message updates the same partner), its contact with phone and e-mail, and — when the
  customer has an address — a location and the partner's ship-to/bill-to location, all in one ERP transaction.
  iDempiere keeps no version a CRM could compare, so the CRM's values win; its partner id (C_BPartner_ID) comes back as
  the ERP partner number.

  The login and the createUpdateData operation come from idempiere-operations.xsl; the parameters from message
  headers that erp-idempiere.yaml sets from integration.properties (idempiere.*) and the secret store.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:guanxi:customer:1" xmlns:_0="http://idempiere.org/ADInterface/1_0" exclude-result-prefixes="c">
  <xsl:include href="idempiere-operations.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>

  <xsl:template match="/c:Customer">
    <_0:compositeOperation>
      <_0:CompositeRequest>
        <xsl:call-template name="login"/>
        <_0:serviceType>SyncBPartner</_0:serviceType>
        <_0:operations>
          <xsl:call-template name="crud">
            <xsl:with-param name="service">CreateBPartner</xsl:with-param>
            <xsl:with-param name="table">C_BPartner</xsl:with-param>
            <xsl:with-param name="fields">
              <f c="Value" v="{c:Code}"/>
              <f c="Name" v="{c:Name}"/>
              <f c="TaxID" v="{c:TaxId}"/>
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
              <f c="Name" v="{c:Name}"/>
              <f c="EMail" v="{c:Email}"/>
              <f c="Phone" v="{c:Phone}"/>
              <f c="C_BPartner_ID" v="@C_BPartner.C_BPartner_ID"/>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:if test="normalize-space(c:Address) != ''">
            <xsl:call-template name="crud">
              <xsl:with-param name="service">CreateUpdateLocation1</xsl:with-param>
              <xsl:with-param name="table">C_Location</xsl:with-param>
              <xsl:with-param name="fields">
                <f c="C_Country_ID" l="China"/>
                <f c="Address1" v="{c:Address}"/>
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
          </xsl:if>
        </_0:operations>
      </_0:CompositeRequest>
    </_0:compositeOperation>
  </xsl:template>
</xsl:stylesheet>
