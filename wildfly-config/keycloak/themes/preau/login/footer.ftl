<#-- Préau: "Mot de passe oublié ?" leads to the portal's own recovery page (ADR 0065), not to Keycloak's
     reset-credentials flow, which would mail the academic address (realm resetPasswordAllowed stays false). -->
<#macro content>
  <#if pageId?? && pageId == "login" && client?? && client.baseUrl?has_content>
    <p id="preau-forgot-password" class="preau-forgot-password">
      <a id="forgot-password" href="${client.baseUrl?remove_ending("/")}/public/mot-de-passe-oublie.xhtml">${msg("preauForgotPassword")}</a>
    </p>
  </#if>
</#macro>
