<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every iDempiere compositeOperation of Guanxi shares: the login (ADLoginRequest) from the route's idempiere*
  headers, and one createUpdateData operation. Included by order-to-idempiere-composite.xsl and
  customer-to-idempiere-composite.xsl; when this file changes, the mappings that include it are reloaded too.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:_0="http://idempiere.org/ADInterface/1_0" xmlns:exsl="http://exslt.org/common" exclude-result-prefixes="exsl">

  <xsl:param name="idempiereUser"/>
  <xsl:param name="idempierePassword"/>
  <xsl:param name="idempiereLang"/>
  <xsl:param name="idempiereClientId"/>
  <xsl:param name="idempiereRoleId"/>
  <xsl:param name="idempiereOrgId"/>
  <xsl:param name="idempiereWarehouseId"/>
  <xsl:param name="idempiereDocTypeId"/>
  <xsl:param name="idempiereBpGroupId"/>

  <xsl:template name="login">
    <_0:ADLoginRequest>
      <_0:user><xsl:value-of select="$idempiereUser"/></_0:user>
      <_0:pass><xsl:value-of select="$idempierePassword"/></_0:pass>
      <_0:lang><xsl:value-of select="$idempiereLang"/></_0:lang>
      <_0:ClientID><xsl:value-of select="$idempiereClientId"/></_0:ClientID>
      <_0:RoleID><xsl:value-of select="$idempiereRoleId"/></_0:RoleID>
      <_0:OrgID><xsl:value-of select="$idempiereOrgId"/></_0:OrgID>
      <_0:WarehouseID><xsl:value-of select="$idempiereWarehouseId"/></_0:WarehouseID>
      <_0:stage>9</_0:stage>
    </_0:ADLoginRequest>
  </xsl:template>

  <!--
    One createUpdateData operation; fields given as <f c="column" v="value"/> or, for a lookup by name, l="name".
    A lookup field still carries an empty <val/>: the schema requires it (iDempiere's own sample omits it and so does
    not validate).
  -->
  <xsl:template name="crud">
    <xsl:param name="service"/>
    <xsl:param name="table"/>
    <xsl:param name="fields"/>
    <xsl:param name="preCommit" select="false()"/>
    <_0:operation preCommit="{$preCommit}" postCommit="false">
      <_0:TargetPort>createUpdateData</_0:TargetPort>
      <_0:ModelCRUD>
        <_0:serviceType><xsl:value-of select="$service"/></_0:serviceType>
        <_0:TableName><xsl:value-of select="$table"/></_0:TableName>
        <_0:RecordID>0</_0:RecordID>
        <_0:Action>CreateUpdate</_0:Action>
        <_0:DataRow>
          <xsl:for-each select="exsl:node-set($fields)/f">
            <xsl:choose>
              <xsl:when test="@l"><_0:field column="{@c}" lval="{@l}"><_0:val/></_0:field></xsl:when>
              <xsl:otherwise><_0:field column="{@c}"><_0:val><xsl:value-of select="@v"/></_0:val></_0:field></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </_0:DataRow>
      </_0:ModelCRUD>
    </_0:operation>
  </xsl:template>

</xsl:stylesheet>
