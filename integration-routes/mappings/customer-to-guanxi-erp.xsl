<?xml version="1.0" encoding="UTF-8"?>
<!--
  Guanxi's customer document (urn:guanxi:customer:1, written by the CRM when a customer's partner fields change) to a
  SyncPartner request of Guanxi's ERP contract (urn:guanxi:erp:1). GuanxiBaseVersion is the ERP's partner version the
  CRM last saw, passed in when the message is sent (none for a partner the ERP does not have yet).
  Edit freely: the route reloads this file when it changes.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:guanxi:customer:1" xmlns="urn:guanxi:erp:1" exclude-result-prefixes="c">
  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>
  <xsl:param name="GuanxiBaseVersion" select="''"/>

  <xsl:template match="/c:Customer">
    <SyncPartner>
      <IdempotencyKey><xsl:value-of select="c:IdempotencyKey"/></IdempotencyKey>
      <Partner>
        <Code><xsl:value-of select="c:Code"/></Code>
        <Name><xsl:value-of select="c:Name"/></Name>
        <xsl:if test="c:TaxId"><TaxId><xsl:value-of select="c:TaxId"/></TaxId></xsl:if>
        <xsl:if test="c:Phone"><Phone><xsl:value-of select="c:Phone"/></Phone></xsl:if>
        <xsl:if test="c:Email"><Email><xsl:value-of select="c:Email"/></Email></xsl:if>
      </Partner>
      <xsl:if test="c:Address"><Address><xsl:value-of select="c:Address"/></Address></xsl:if>
      <xsl:if test="string($GuanxiBaseVersion) != ''"><BaseVersion><xsl:value-of select="$GuanxiBaseVersion"/></BaseVersion></xsl:if>
    </SyncPartner>
  </xsl:template>
</xsl:stylesheet>
