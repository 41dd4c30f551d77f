package fr.preau.batch;

import fr.preau.batch.largefile.LargeFileRows;
import fr.preau.mail.largefile.LargeFileInfo;
import fr.preau.mail.largefile.LargeFilePurge;
import fr.preau.mail.largefile.LargeFileRecords;
import fr.preau.mail.largefile.LargeFileStorage;
import fr.preau.shared.Component;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.Repository;
import fr.preau.shared.ServiceUnavailableException;
import fr.preau.testing.TestEnv;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive a batch IT deploys: the job purge-large-files, its services and the test security domain. */
public final class BatchArchive {
    private BatchArchive() {
    }

    public static WebArchive purgeLargeFiles(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addPackages(true, LargeFileRows.class.getPackage())
                .addClasses(BatchArchive.class, BatchRole.class, LargeFilePurge.class, LargeFileStorage.class,
                        LargeFileRecords.class, LargeFileInfo.class, Repository.class, NotFoundException.class,
                        fr.preau.shared.Deployment.class, Component.class, ServiceUnavailableException.class,
                        TestEnv.class)
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("META-INF/batch-jobs/purge-large-files.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource("it/jboss-ejb3.xml", "jboss-ejb3.xml");
    }
}
