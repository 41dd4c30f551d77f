package fr.preau.lists;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The lists as {@value #USERNAME}, administrator of establishment {@code ListsFixture.UAI} only. */
@Stateless
@RunAs("etab-admin")
@RunAsPrincipal(AsListEtabAdmin.USERNAME)
@PermitAll
public class AsListEtabAdmin extends ListsCaller {
    static final String USERNAME = "it.liste.etab";
}
