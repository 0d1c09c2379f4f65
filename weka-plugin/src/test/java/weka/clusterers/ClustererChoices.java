// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import weka.core.PluginManager;
import weka.core.WekaPackageManager;
import weka.gui.GenericObjectEditor;

/** Prints the clusterers the Explorer's "Choose" button offers, one class name a line (for {@link PackageInstallIT}). */
public final class ClustererChoices {
    private ClustererChoices() {
    }

    public static void main(String[] args) {
        WekaPackageManager.loadPackages(false);
        GenericObjectEditor.determineClasses();
        for (String name : PluginManager.getPluginNamesOfTypeList(Clusterer.class.getName())) System.out.println(name);
    }
}
