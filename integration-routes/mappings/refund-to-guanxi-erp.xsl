<?xml version="1.0" encoding="UTF-8"?>
<!--
  Guanxi's refund document (urn:guanxi:refund:1, written by the CRM when a complaint is resolved with a refund) to
  Guanxi's ERP contract (urn:guanxi:erp:1): RecordRefund. Edit freely: the route reloads this file when it changes.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:guanxi:refund:1" xmlns="urn:guanxi:erp:1" exclude-result-prefixes="r">
  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>

  <xsl:template match="/r:Refund">
    <RecordRefund>
      <IdempotencyKey><xsl:value-of select="r:IdempotencyKey"/></IdempotencyKey>
      <CaseNo><xsl:value-of select="r:CaseNo"/></CaseNo>
      <xsl:if test="r:OrderNo"><OrderNo><xsl:value-of select="r:OrderNo"/></OrderNo></xsl:if>
      <CustomerCode><xsl:value-of select="r:Customer/r:Code"/></CustomerCode>
      <CustomerName><xsl:value-of select="r:Customer/r:Name"/></CustomerName>
      <Currency><xsl:value-of select="r:Currency"/></Currency>
      <Amount><xsl:value-of select="r:Amount"/></Amount>
      <Reason><xsl:value-of select="r:Reason"/></Reason>
      <xsl:if test="r:Note"><Note><xsl:value-of select="r:Note"/></Note></xsl:if>
    </RecordRefund>
  </xsl:template>
</xsl:stylesheet>
