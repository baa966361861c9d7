<?xml version="1.0" encoding="UTF-8"?>
<!--
  Guanxi's order document (urn:guanxi:order:1, written by the CRM when an order is confirmed or cancelled) to
  Guanxi's ERP contract (urn:guanxi:erp:1): SubmitOrder for a confirmation, CancelOrder for a cancellation.
  Edit freely: the route reloads this file when it changes.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:o="urn:guanxi:order:1" xmlns="urn:guanxi:erp:1" exclude-result-prefixes="o">
  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>

  <xsl:template match="/o:SalesOrder[@event = 'cancelled']">
    <CancelOrder>
      <IdempotencyKey><xsl:value-of select="o:IdempotencyKey"/></IdempotencyKey>
      <OrderNo><xsl:value-of select="o:OrderNo"/></OrderNo>
      <xsl:apply-templates select="o:CancelReason"/>
    </CancelOrder>
  </xsl:template>

  <xsl:template match="/o:SalesOrder">
    <SubmitOrder>
      <IdempotencyKey><xsl:value-of select="o:IdempotencyKey"/></IdempotencyKey>
      <OrderNo><xsl:value-of select="o:OrderNo"/></OrderNo>
      <OrderDate><xsl:value-of select="o:OrderDate"/></OrderDate>
      <xsl:if test="o:RequestedDate"><RequestedDate><xsl:value-of select="o:RequestedDate"/></RequestedDate></xsl:if>
      <Currency><xsl:value-of select="o:Currency"/></Currency>
      <Total><xsl:value-of select="o:Total"/></Total>
      <Customer>
        <Code><xsl:value-of select="o:Customer/o:Code"/></Code>
        <Name><xsl:value-of select="o:Customer/o:Name"/></Name>
        <xsl:if test="o:Customer/o:TaxId"><TaxId><xsl:value-of select="o:Customer/o:TaxId"/></TaxId></xsl:if>
        <xsl:if test="o:Customer/o:Phone"><Phone><xsl:value-of select="o:Customer/o:Phone"/></Phone></xsl:if>
        <xsl:if test="o:Customer/o:Email"><Email><xsl:value-of select="o:Customer/o:Email"/></Email></xsl:if>
      </Customer>
      <xsl:if test="o:ShipTo"><ShipTo><xsl:value-of select="o:ShipTo"/></ShipTo></xsl:if>
      <xsl:if test="o:Notes"><Notes><xsl:value-of select="o:Notes"/></Notes></xsl:if>
      <xsl:for-each select="o:Lines/o:Line">
        <Line>
          <LineNo><xsl:value-of select="o:LineNo"/></LineNo>
          <Sku><xsl:value-of select="o:Sku"/></Sku>
          <xsl:if test="o:Description"><Description><xsl:value-of select="o:Description"/></Description></xsl:if>
          <Quantity><xsl:value-of select="o:Quantity"/></Quantity>
          <UnitPrice><xsl:value-of select="o:UnitPrice"/></UnitPrice>
          <Amount><xsl:value-of select="o:Amount"/></Amount>
        </Line>
      </xsl:for-each>
    </SubmitOrder>
  </xsl:template>

  <xsl:template match="o:CancelReason">
    <Reason><xsl:value-of select="."/></Reason>
  </xsl:template>
</xsl:stylesheet>
