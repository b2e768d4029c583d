<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Document</name>
    <message>
        <source>Edit Session Details</source>
        <extracomment>The session fields a user edits in &quot;Session Details&quot;. Emitted with a store.ops.Change after every edit, undo and redo. Emitted when the file behind the document changes (Save As) or its state does. Emitted with a SessionFileError when a change could not be written.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileErrors</name>
    <message>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a folder, not a session file. Choose a .cocreate file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty (0 bytes), so it holds no session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a cocreate session file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged or incomplete, perhaps cut short by a copy. Open a backup copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a database of another application, not a cocreate session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was written by a newer version of cocreate. Update cocreate to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is already open in another cocreate window. Switch to that window, or close the session there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is read-only, so changes cannot be saved to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be written to the file, so it was not made. Check that the disk is not full and the file is still there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is in an older format and could not be upgraded. It was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mini-program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word of mouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-touchpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First touchpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core touchpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End touchpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Praise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyal customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose-driven customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occasional customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information-seeking customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontstage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom lane</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new, untitled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a .cocreate session file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a fresh copy of the demo salon of a coffee chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the session to a file of your choice and go on working there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit cocreate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the title, theme, brand, date, facilitator and goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name Session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the session title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expand Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ollapse Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show journeys only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About cocreate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Open Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened Read-Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is read-only, so it was opened for viewing only and changes cannot be saved to it. Use File &gt; Save As… to make an editable copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cocreate sessions (*.cocreate);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Session As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cocreate sessions (*.cocreate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Save Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The session could not be written there: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has not been saved under a name yet. Save it before closing? If you discard it, its contents are deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About cocreate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cocreate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop tool for service-design co-creation salons: map the customer journey, collect sticky notes, vote, and share the service blueprint.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These sessions were never saved under a name of their own, perhaps because cocreate was closed unexpectedly. Every change in them was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these sessions and ask again next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journeys: %1 · Touchpoints: %2 · Notes: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this unsaved session for good? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDetailsDialog</name>
    <message>
        <source>Session Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Member loyalty co-creation salon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clear theme of the salon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the group wants to leave the room with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Brand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Facilitator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionOverview</name>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Participants: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Touchpoints: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Emotion %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branded touchpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breakpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Votes: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Notes: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private until revealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(private note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Vote budget: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>cocreate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map the customer journey with your group, on one shared screen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
