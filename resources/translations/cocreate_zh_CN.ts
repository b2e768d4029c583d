<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AudienceWindow</name>
    <message>
        <source>cocreate: audience display</source>
        <translation>cocreate：观众屏幕</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Untitled touchpoint</source>
        <translation>未命名触点</translation>
    </message>
    <message>
        <source>Untitled stage</source>
        <translation>未命名阶段</translation>
    </message>
    <message>
        <source>Touchpoints: %n</source>
        <translation>触点：%n</translation>
    </message>
    <message>
        <source>Emotion curve</source>
        <translation>情绪曲线</translation>
    </message>
    <message>
        <source>Lowest point</source>
        <translation>最低点</translation>
    </message>
    <message>
        <source>Team&apos;s emotion</source>
        <translation>团队情绪</translation>
    </message>
    <message>
        <source>Customers&apos; mean score, 0–10</source>
        <translation>顾客平均评分（0–10）</translation>
    </message>
    <message>
        <source>Persona</source>
        <extracomment>The second line&apos;s ink: the customers&apos; mean score per stage, apart from the team&apos;s emotion. The score scale&apos;s marks on the band&apos;s right edge, at the emotion grid&apos;s -2, 0 and +2 lines.</extracomment>
        <translation>人物画像</translation>
    </message>
    <message>
        <source>Line of interaction</source>
        <translation>互动分界线</translation>
    </message>
    <message>
        <source>Line of visibility</source>
        <translation>可视分界线</translation>
    </message>
    <message>
        <source>Line of internal interaction</source>
        <translation>内部互动分界线</translation>
    </message>
    <message>
        <source>Untitled cluster</source>
        <translation>未命名分组</translation>
    </message>
    <message>
        <source>No author</source>
        <translation>未署名</translation>
    </message>
    <message>
        <source>Board: double-click or press N to add a note</source>
        <translation>白板区：双击或按 N 添加便利贴</translation>
    </message>
    <message>
        <source>From phones</source>
        <translation>来自手机</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>n=%1</source>
        <translation>n=%1</translation>
    </message>
    <message>
        <source>NPS %1 from one answer: %2% promoters, %3% detractors</source>
        <translation>NPS %1，来自 1 条回答：推荐者 %2%，贬损者 %3%</translation>
    </message>
    <message>
        <source>NPS %1 from %2 answers: %3% promoters, %4% detractors</source>
        <translation>NPS %1，来自 %2 条回答：推荐者 %3%，贬损者 %4%</translation>
    </message>
    <message>
        <source>Fewer than 10 answers: read this NPS with care</source>
        <translation>回答少于 10 条：此 NPS 仅供参考</translation>
    </message>
    <message>
        <source>Card colour: NPS</source>
        <translation>卡片颜色：NPS</translation>
    </message>
    <message>
        <source>above +30</source>
        <translation>高于 +30</translation>
    </message>
    <message>
        <source>0 to +30</source>
        <translation>0 至 +30</translation>
    </message>
    <message>
        <source>below 0</source>
        <translation>低于 0</translation>
    </message>
    <message>
        <source>under 10 answers</source>
        <translation>回答少于 10 条</translation>
    </message>
</context>
<context>
    <name>CanvasActions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find cards by their text</source>
        <translation>按文字查找卡片</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Journey</source>
        <translation>完整显示旅程(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole journey</source>
        <translation>缩放视图以显示整个旅程</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Colour Cards by &amp;NPS</source>
        <translation>按 NPS 为卡片着色(&amp;N)</translation>
    </message>
    <message>
        <source>Tint each card by the NPS of its survey answers: red below 0, amber 0 to 30, green above 30, grey with fewer than 10 answers</source>
        <translation>按卡片问卷回答的 NPS 为卡片着色：低于 0 为红色，0 至 30 为琥珀色，高于 30 为绿色，回答少于 10 条为灰色</translation>
    </message>
    <message>
        <source>Customer &amp;Scores on the Emotion Curve</source>
        <translation>在情绪曲线上显示顾客评分(&amp;S)</translation>
    </message>
    <message>
        <source>Draw the customers&apos; mean survey score (0–10) of each stage beside the team&apos;s emotion</source>
        <translation>在团队情绪旁画出每个阶段顾客问卷的平均评分（0–10）</translation>
    </message>
    <message>
        <source>Fit &amp;Board</source>
        <translation>完整显示白板(&amp;B)</translation>
    </message>
    <message>
        <source>Show all the notes</source>
        <translation>显示所有便利贴</translation>
    </message>
    <message>
        <source>&amp;New Journey…</source>
        <translation>新建旅程(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a journey from a template</source>
        <translation>基于模板添加旅程</translation>
    </message>
    <message>
        <source>&amp;Rename Journey…</source>
        <translation>重命名旅程(&amp;R)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate Journey</source>
        <translation>创建旅程副本(&amp;U)</translation>
    </message>
    <message>
        <source>Copy the journey with its stages, lanes, cards and links</source>
        <translation>复制旅程及其阶段、泳道、卡片和连线</translation>
    </message>
    <message>
        <source>&amp;Delete Journey</source>
        <translation>删除旅程(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Persona…</source>
        <translation>用户画像(&amp;P)…</translation>
    </message>
    <message>
        <source>Choose or describe the customer whose journey this is</source>
        <translation>选择或描述此旅程所描绘的顾客</translation>
    </message>
    <message>
        <source>Show &amp;Hidden Lanes</source>
        <translation>显示隐藏的泳道(&amp;H)</translation>
    </message>
    <message>
        <source>Add &amp;Stage</source>
        <translation>添加阶段(&amp;S)</translation>
    </message>
    <message>
        <source>Move the selected cards and notes to the clipboard</source>
        <translation>将选中的卡片和便利贴剪切到剪贴板</translation>
    </message>
    <message>
        <source>Copy the selected cards and notes</source>
        <translation>复制选中的卡片和便利贴</translation>
    </message>
    <message>
        <source>Paste cards and notes at the mouse pointer</source>
        <translation>在鼠标指针处粘贴卡片和便利贴</translation>
    </message>
    <message>
        <source>Copy the selected cards and notes in place</source>
        <translation>在原位置复制选中的卡片和便利贴</translation>
    </message>
    <message>
        <source>Delete the selected cards, links and notes</source>
        <translation>删除选中的卡片、连线和便利贴</translation>
    </message>
    <message>
        <source>Select every card and note</source>
        <translation>选中所有卡片和便利贴</translation>
    </message>
    <message>
        <source>Add a stage at the end of the journey</source>
        <translation>在旅程末尾添加阶段</translation>
    </message>
    <message>
        <source>Add &amp;Lane</source>
        <translation>添加泳道(&amp;L)</translation>
    </message>
    <message>
        <source>Add a lane at the bottom of the blueprint</source>
        <translation>在蓝图底部添加泳道</translation>
    </message>
    <message>
        <source>&amp;Link Tool</source>
        <translation>连线工具(&amp;L)</translation>
    </message>
    <message>
        <source>Draw arrows: drag from one card to another (L)</source>
        <translation>绘制箭头连线：从一张卡片拖到另一张卡片（L）</translation>
    </message>
    <message>
        <source>No cell in view for the new card: select a card or scroll to a cell, or drag the entry onto a cell</source>
        <translation>视图中没有可放新卡片的单元格：请先选中一张卡片或滚动到某个单元格，或把该条目拖到单元格上</translation>
    </message>
    <message>
        <source>Rename Journey</source>
        <translation>重命名旅程</translation>
    </message>
    <message>
        <source>Journey name:</source>
        <translation>旅程名称：</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Delete Journey</source>
        <translation>删除旅程</translation>
    </message>
    <message>
        <source>Delete the journey “%1” with its stages, cards, links and notes? You can undo this with Edit &gt; Undo.</source>
        <translation>要删除旅程“%1”及其阶段、卡片、连线和便利贴吗？您可以通过“编辑 &gt; 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>CanvasMenus</name>
    <message>
        <source>Add Note Here</source>
        <translation>在此处添加便利贴</translation>
    </message>
    <message>
        <source>Delete Link</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <source>Add Touchpoint Here</source>
        <translation>在此处添加触点</translation>
    </message>
    <message>
        <source>Rename Cluster</source>
        <translation>重命名分组</translation>
    </message>
    <message>
        <source>Tidy Cluster</source>
        <translation>整理分组</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>取消分组</translation>
    </message>
    <message>
        <source>Edit Title</source>
        <translation>编辑标题</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Rename Stage</source>
        <translation>重命名阶段</translation>
    </message>
    <message>
        <source>Stage Colour…</source>
        <translation>阶段颜色…</translation>
    </message>
    <message>
        <source>Insert Stage Before</source>
        <translation>在前面插入阶段</translation>
    </message>
    <message>
        <source>Insert Stage After</source>
        <translation>在后面插入阶段</translation>
    </message>
    <message>
        <source>Delete Stage</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <source>Rename Lane</source>
        <translation>重命名泳道</translation>
    </message>
    <message>
        <source>Move Lane Up</source>
        <translation>上移泳道</translation>
    </message>
    <message>
        <source>Move Lane Down</source>
        <translation>下移泳道</translation>
    </message>
    <message>
        <source>Hide Lane</source>
        <translation>隐藏泳道</translation>
    </message>
    <message>
        <source>Add Lane Below</source>
        <translation>在下方添加泳道</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>删除泳道</translation>
    </message>
    <message>
        <source>Edit Text</source>
        <translation>编辑文字</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>揭晓</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Group Notes</source>
        <translation>将便利贴分组</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>无类别</translation>
    </message>
    <message>
        <source>Stage Colour</source>
        <translation>阶段颜色</translation>
    </message>
</context>
<context>
    <name>ChoiceCombo</name>
    <message>
        <source>Mixed</source>
        <translation>多个值</translation>
    </message>
</context>
<context>
    <name>DistributionChart</name>
    <message>
        <source>Score %1: %2 of %3 answers</source>
        <extracomment>Room above the bars for their counts, and below them for the scores.</extracomment>
        <translation>%1 分：%3 条回答中的 %2 条</translation>
    </message>
    <message>
        <source>Score distribution</source>
        <translation>评分分布</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Edit Session Details</source>
        <translation>编辑会话详情</translation>
    </message>
    <message>
        <source>Rename Session</source>
        <translation>重命名会话</translation>
    </message>
    <message>
        <source>Add Journey</source>
        <translation>添加旅程</translation>
    </message>
    <message>
        <source>Rename Journey</source>
        <translation>重命名旅程</translation>
    </message>
    <message>
        <source>Duplicate Journey</source>
        <translation>创建旅程副本</translation>
    </message>
    <message>
        <source>Delete Journey</source>
        <translation>删除旅程</translation>
    </message>
    <message>
        <source>Move Journey</source>
        <translation>移动旅程</translation>
    </message>
    <message>
        <source>Change Persona</source>
        <translation>更改用户画像</translation>
    </message>
    <message>
        <source>Add Persona</source>
        <translation>添加用户画像</translation>
    </message>
    <message>
        <source>Add Stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Rename Stage</source>
        <translation>重命名阶段</translation>
    </message>
    <message>
        <source>Recolour Stage</source>
        <translation>更改阶段颜色</translation>
    </message>
    <message>
        <source>Resize Stage</source>
        <translation>调整阶段宽度</translation>
    </message>
    <message>
        <source>Edit Stage</source>
        <translation>编辑阶段</translation>
    </message>
    <message>
        <source>Move Stage</source>
        <translation>移动阶段</translation>
    </message>
    <message>
        <source>Delete Stage</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <source>Add Lane</source>
        <translation>添加泳道</translation>
    </message>
    <message>
        <source>Hide Lane</source>
        <translation>隐藏泳道</translation>
    </message>
    <message>
        <source>Show Lane</source>
        <translation>显示泳道</translation>
    </message>
    <message>
        <source>Rename Lane</source>
        <translation>重命名泳道</translation>
    </message>
    <message>
        <source>Move Lane</source>
        <translation>移动泳道</translation>
    </message>
    <message>
        <source>Delete Lane</source>
        <translation>删除泳道</translation>
    </message>
    <message>
        <source>Add Touchpoint</source>
        <translation>添加触点</translation>
    </message>
    <message>
        <source>Edit Touchpoint</source>
        <translation>编辑触点</translation>
    </message>
    <message>
        <source>Edit Touchpoints</source>
        <translation>编辑多个触点</translation>
    </message>
    <message>
        <source>Move Touchpoint</source>
        <translation>移动触点</translation>
    </message>
    <message>
        <source>Move Touchpoints</source>
        <translation>移动多个触点</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Add Link</source>
        <translation>添加连线</translation>
    </message>
    <message>
        <source>Delete Link</source>
        <translation>删除连线</translation>
    </message>
    <message>
        <source>Delete Links</source>
        <translation>删除多条连线</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add Participant</source>
        <translation>添加参与者</translation>
    </message>
    <message>
        <source>Rename Participant</source>
        <translation>重命名参与者</translation>
    </message>
    <message>
        <source>Recolour Participant</source>
        <translation>更改参与者颜色</translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Edit Participant</source>
        <translation>编辑参与者</translation>
    </message>
    <message>
        <source>Remove Participant</source>
        <translation>移除参与者</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>添加便利贴</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>编辑便利贴</translation>
    </message>
    <message>
        <source>Change Author</source>
        <translation>更改作者</translation>
    </message>
    <message>
        <source>Change Category</source>
        <translation>更改类别</translation>
    </message>
    <message>
        <source>Recolour Note</source>
        <translation>更改便利贴颜色</translation>
    </message>
    <message>
        <source>Edit Notes</source>
        <translation>编辑多张便利贴</translation>
    </message>
    <message>
        <source>Move Note</source>
        <translation>移动便利贴</translation>
    </message>
    <message>
        <source>Move Notes</source>
        <translation>移动多张便利贴</translation>
    </message>
    <message>
        <source>Group Notes</source>
        <translation>将便利贴分组</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>取消分组</translation>
    </message>
    <message>
        <source>Rename Cluster</source>
        <translation>重命名分组</translation>
    </message>
    <message>
        <source>Tidy Cluster</source>
        <translation>整理分组</translation>
    </message>
    <message>
        <source>Private Mode On</source>
        <translation>开启私密模式</translation>
    </message>
    <message>
        <source>Private Mode Off</source>
        <translation>关闭私密模式</translation>
    </message>
    <message>
        <source>Change Reveal Policy</source>
        <translation>更改揭晓方式</translation>
    </message>
    <message>
        <source>Reveal Note</source>
        <translation>揭晓便利贴</translation>
    </message>
    <message>
        <source>Reveal Notes</source>
        <translation>揭晓多张便利贴</translation>
    </message>
    <message>
        <source>Start Voting</source>
        <translation>开始投票</translation>
    </message>
    <message>
        <source>End Voting</source>
        <translation>结束投票</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Take Back Vote</source>
        <translation>撤回投票</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Note from %1</source>
        <translation>来自 %1 的便利贴</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>删除便利贴</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做%1</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销%1</translation>
    </message>
    <message>
        <source>Import One Feedback Answer</source>
        <translation>导入 1 条反馈回答</translation>
    </message>
    <message>
        <source>Import %n feedback answers</source>
        <translation>导入 %n 条反馈答卷</translation>
    </message>
    <message>
        <source>Promote Comment</source>
        <translation>评论转为便利贴</translation>
    </message>
</context>
<context>
    <name>EmotionPicker</name>
    <message>
        <source>Very negative</source>
        <translation>非常负面</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Very positive</source>
        <translation>非常正面</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>多个值</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;PDF Blueprint…</source>
        <extracomment>(done, total): how far a long export is; it may raise ExportCancelled to stop the export. session file, target path, options by name, progress. The translation context of the exporters&apos; menu texts (the window&apos;s File &gt; Export). Paper names the PDF offers, in the order a chooser lists them (here, not in cocreate.export.pdf, so that listing them loads no reportlab).</extracomment>
        <translation>PDF 服务蓝图(&amp;P)…</translation>
    </message>
    <message>
        <source>The service blueprint as a PDF to share</source>
        <translation>将服务蓝图导出为可分享的 PDF</translation>
    </message>
    <message>
        <source>&amp;Image of the Journey…</source>
        <translation>旅程图片(&amp;I)…</translation>
    </message>
    <message>
        <source>The current journey canvas as PNG or SVG</source>
        <translation>将当前旅程画布导出为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>&amp;CSV for a Spreadsheet…</source>
        <translation>表格用 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Notes and touchpoints as CSV files</source>
        <translation>将便利贴和触点导出为 CSV 文件</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>The whole session as JSON</source>
        <translation>将整个会话导出为 JSON</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>导入 JSON(&amp;I)…</translation>
    </message>
    <message>
        <source>Make a new session file from a cocreate JSON export</source>
        <translation>用 cocreate 导出的 JSON 新建会话文件</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>未命名会话</translation>
    </message>
    <message>
        <source>%1

The export could not be written: %2</source>
        <translation>%1

无法写入导出文件：%2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Export PDF Blueprint</source>
        <translation>导出 PDF 服务蓝图</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export Image of the Journey</source>
        <translation>导出旅程图片</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export CSV: Choose a Folder</source>
        <translation>导出 CSV：选择文件夹</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Export cancelled: %1 was not written</source>
        <translation>已取消导出：未写入 %1</translation>
    </message>
    <message>
        <source>Import JSON</source>
        <translation>导入 JSON</translation>
    </message>
    <message>
        <source>Save the Imported Session As</source>
        <translation>将导入的会话另存为</translation>
    </message>
    <message>
        <source>cocreate sessions (*.cocreate)</source>
        <translation>cocreate 会话 (*.cocreate)</translation>
    </message>
    <message>
        <source>the file already exists; choose a new file name</source>
        <translation>文件已存在，请换一个文件名</translation>
    </message>
</context>
<context>
    <name>ExportProgressDialog</name>
    <message>
        <source>Exporting</source>
        <extracomment>What an export reports when it ends: its outcome and, when it failed, the error.</extracomment>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>FacilitationActions</name>
    <message>
        <source>New &amp;Note</source>
        <translation>新建便利贴(&amp;N)</translation>
    </message>
    <message>
        <source>Add a sticky note for the current author (N)</source>
        <translation>为当前作者添加一张便利贴（N）</translation>
    </message>
    <message>
        <source>&amp;Group Notes</source>
        <translation>将便利贴分组(&amp;G)</translation>
    </message>
    <message>
        <source>Put the selected notes in a new cluster</source>
        <translation>将选中的便利贴放入新分组</translation>
    </message>
    <message>
        <source>&amp;Ungroup</source>
        <translation>取消分组(&amp;U)</translation>
    </message>
    <message>
        <source>Dissolve the clusters of the selected notes</source>
        <translation>解散选中便利贴所在的分组</translation>
    </message>
    <message>
        <source>&amp;Tidy Cluster</source>
        <translation>整理分组(&amp;T)</translation>
    </message>
    <message>
        <source>Arrange the cluster&apos;s notes in a grid</source>
        <translation>将分组内的便利贴按网格排列</translation>
    </message>
    <message>
        <source>Colour Notes by &amp;Category</source>
        <translation>按类别为便利贴着色(&amp;C)</translation>
    </message>
    <message>
        <source>Colour notes by pain point, idea, question, praise or need</source>
        <translation>按痛点、想法、问题、好评或需求为便利贴着色</translation>
    </message>
    <message>
        <source>&amp;Private Mode</source>
        <translation>私密模式(&amp;P)</translation>
    </message>
    <message>
        <source>New notes show only their backs until they are revealed</source>
        <translation>新便利贴在揭晓前只显示背面</translation>
    </message>
    <message>
        <source>&amp;Reveal All Notes</source>
        <translation>揭晓所有便利贴(&amp;R)</translation>
    </message>
    <message>
        <source>Turn every private note over at once</source>
        <translation>一次性翻开所有私密便利贴</translation>
    </message>
    <message>
        <source>Start &amp;Voting Round…</source>
        <translation>开始一轮投票(&amp;V)…</translation>
    </message>
    <message>
        <source>Give every participant dots to vote with; click a note or card to vote</source>
        <translation>为每位参与者分配选票；点击便利贴或卡片即可投票</translation>
    </message>
    <message>
        <source>&amp;End Voting Round</source>
        <translation>结束本轮投票(&amp;E)</translation>
    </message>
    <message>
        <source>Stop voting; the votes stay in the file</source>
        <translation>停止投票；投票结果保留在文件中</translation>
    </message>
    <message>
        <source>Presentation &amp;Mode</source>
        <translation>演示模式(&amp;M)</translation>
    </message>
    <message>
        <source>Full screen, larger text, no panels (F11; Esc leaves)</source>
        <translation>全屏、放大文字、隐藏面板（F11；按 Esc 退出）</translation>
    </message>
    <message>
        <source>&amp;Audience Display</source>
        <translation>观众屏幕(&amp;A)</translation>
    </message>
    <message>
        <source>Show the board on the second screen (a projector), following this view</source>
        <translation>在第二块屏幕（投影仪）上显示画布，并跟随当前视图</translation>
    </message>
    <message>
        <source>Reveal &amp;Policy</source>
        <translation>揭晓方式(&amp;P)</translation>
    </message>
    <message>
        <source>The Facilitator Reveals All Notes at Once</source>
        <translation>由主持人一次性揭晓所有便利贴</translation>
    </message>
    <message>
        <source>Each Author Reveals Their Own Notes</source>
        <translation>由作者各自揭晓自己的便利贴</translation>
    </message>
    <message>
        <source>Audience Display</source>
        <translation>观众屏幕</translation>
    </message>
    <message>
        <source>No second screen was found, so the audience display opens in a window. Connect a projector and move the window there, or turn the audience display off and on again.</source>
        <translation>未检测到第二块屏幕，因此观众屏幕将在窗口中打开。请连接投影仪并将窗口移到投影画面上，或者关闭观众屏幕后重新打开。</translation>
    </message>
</context>
<context>
    <name>FeedbackImport</name>
    <message>
        <source>Import &amp;Feedback…</source>
        <extracomment>Where the last file of answers was chosen.</extracomment>
        <translation>导入反馈(&amp;F)…</translation>
    </message>
    <message>
        <source>Bring survey answers (CSV or XLSX) into a journey</source>
        <translation>将问卷回答（CSV 或 XLSX）导入旅程</translation>
    </message>
    <message>
        <source>Imported one feedback answer into %1</source>
        <translation>已将 1 条反馈导入“%1”</translation>
    </message>
    <message>
        <source>Imported %1 feedback answers into %2</source>
        <translation>已将 %1 条反馈导入“%2”</translation>
    </message>
</context>
<context>
    <name>FeedbackImportDialog</name>
    <message>
        <source>Untitled journey</source>
        <extracomment>The fields in the order the dialog lists them (three columns of three). The dialog&apos;s size where the screen has room for it. A combo&apos;s data for &quot;no column&quot;. The error line&apos;s colour.</extracomment>
        <translation>未命名旅程</translation>
    </message>
    <message>
        <source>Import Feedback</source>
        <translation>导入反馈</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Choose &amp;Another File…</source>
        <translation>选择其他文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Journey:</source>
        <translation>旅程(&amp;J)：</translation>
    </message>
    <message>
        <source>Which column holds each answer&apos;s…</source>
        <translation>每条回答的以下各项在哪一列…</translation>
    </message>
    <message>
        <source>The first 20 rows of the file:</source>
        <translation>文件的前 20 行：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Reading “%1”…</source>
        <translation>正在读取“%1”…</translation>
    </message>
    <message>
        <source>“%1” could not be read: %2.</source>
        <translation>无法读取“%1”：%2。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Stages not found in the journey: %1</source>
        <translation>旅程中没有的阶段：%1 个</translation>
    </message>
    <message>
        <source>Touchpoints not found in the journey: %1</source>
        <translation>旅程中没有的触点：%1 个</translation>
    </message>
    <message>
        <source>the %1 with the most answers are listed</source>
        <translation>只列出回答最多的 %1 个</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Skip the bad row</source>
        <translation>跳过这一行有问题的数据(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Skip the %1 bad rows</source>
        <translation>跳过 %1 行有问题的数据(&amp;S)</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Choose the column that holds the score (0–10).</source>
        <translation>请选择存放评分（0–10）的列。</translation>
    </message>
    <message>
        <source>All %1 rows are ready.</source>
        <translation>全部 %1 行均可导入。</translation>
    </message>
    <message>
        <source>%1 of %2 rows ready; %3 have problems (first: %4).</source>
        <translation>%2 行中有 %1 行可导入；%3 行有问题（第一处：%4）。</translation>
    </message>
    <message>
        <source>The journey changed meanwhile: check the columns and the matches again.</source>
        <translation>旅程在此期间有改动：请重新检查各列和匹配。</translation>
    </message>
    <message>
        <source>Survey answers (*.csv *.xlsx *.xlsm *.txt *.tsv)</source>
        <translation>问卷回答 (*.csv *.xlsx *.xlsm *.txt *.tsv)</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt *.tsv)</source>
        <translation>CSV 文本文件 (*.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx *.xlsm)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FeedbackTexts</name>
    <message>
        <source>&amp;Score (0–10):</source>
        <translation>评分 0–10(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>评价(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>阶段(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;ouchpoint:</source>
        <translation>触点(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Member tier:</source>
        <translation>会员等级(&amp;M)：</translation>
    </message>
    <message>
        <source>C&amp;ustomer type:</source>
        <translation>客户类型(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Respondent ID:</source>
        <translation>答卷编号(&amp;R)：</translation>
    </message>
    <message>
        <source>%1 does not exist: check the path or choose another file.</source>
        <extracomment>Why a file cannot be read and what to do; %1 is the file (and, where given, its row).</extracomment>
        <translation>%1 不存在：请检查路径，或选择其他文件。</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a CSV or XLSX file.</source>
        <translation>%1 是一个文件夹：请选择 CSV 或 XLSX 文件。</translation>
    </message>
    <message>
        <source>%1 is a device or a pipe, not a file: choose a CSV or XLSX file.</source>
        <translation>%1 是设备或管道，不是文件：请选择 CSV 或 XLSX 文件。</translation>
    </message>
    <message>
        <source>%1 cannot be opened: choose another file.</source>
        <translation>无法打开 %1：请选择其他文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied): copy it into a folder of yours and choose the copy.</source>
        <translation>无法读取 %1（没有权限）：请把它复制到你自己的文件夹，再选择这份副本。</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB: split the answers into smaller files.</source>
        <translation>%1 大于 %2 MB：请把回答拆分成几个较小的文件。</translation>
    </message>
    <message>
        <source>%1 holds no rows: choose the file with the answers.</source>
        <translation>%1 中没有任何行：请选择存有回答的文件。</translation>
    </message>
    <message>
        <source>%1 holds a header row but no answers below it: choose the file with the answers.</source>
        <translation>%1 只有表头，下面没有回答：请选择存有回答的文件。</translation>
    </message>
    <message>
        <source>%1 holds more than %2 answers: split it into smaller files.</source>
        <translation>%1 中的回答超过 %2 条：请把它拆分成几个较小的文件。</translation>
    </message>
    <message>
        <source>%1 is not a text CSV (it is UTF-16 or binary): save it again as CSV UTF-8.</source>
        <translation>%1 不是文本 CSV（它是 UTF-16 或二进制文件）：请重新另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>%1 is neither UTF-8 nor GB18030 text: save it again as CSV UTF-8.</source>
        <translation>%1 既不是 UTF-8 也不是 GB18030 文本：请重新另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>%1 is not a well-formed CSV (a quote that does not close): fix that row, or save the file again from the spreadsheet.</source>
        <translation>%1 不是格式正确的 CSV（有未闭合的引号）：请修改那一行，或从电子表格重新保存该文件。</translation>
    </message>
    <message>
        <source>%1 is not an XLSX workbook, or it is damaged: save it again as .xlsx or as CSV UTF-8.</source>
        <translation>%1 不是 XLSX 工作簿，或者已损坏：请重新另存为 .xlsx 或“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>%1 is an Excel 97-2003 workbook or has a password: save it as .xlsx without a password, or as CSV UTF-8.</source>
        <translation>%1 是 Excel 97-2003 工作簿或设有密码：请另存为不带密码的 .xlsx，或“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>the score is empty; every answer needs a score from 0 to 10</source>
        <extracomment>What is wrong with a cell.</extracomment>
        <translation>评分为空；每条回答都需要 0 到 10 的评分</translation>
    </message>
    <message>
        <source>the score is not a number from 0 to 10</source>
        <translation>评分不是 0 到 10 之间的数字</translation>
    </message>
    <message>
        <source>the score must be a whole number from 0 to 10</source>
        <translation>评分必须是 0 到 10 之间的整数</translation>
    </message>
    <message>
        <source>the score is outside 0 to 10</source>
        <translation>评分超出 0 到 10 的范围</translation>
    </message>
    <message>
        <source>the cell holds a formula, which is not calculated: paste the values</source>
        <translation>单元格中是公式，导入时不会计算：请粘贴为数值</translation>
    </message>
    <message>
        <source>not a date; write it as 2026-03-05, 2026/3/5 or 2026年3月5日</source>
        <translation>不是日期；请写成 2026-03-05、2026/3/5 或 2026年3月5日</translation>
    </message>
    <message>
        <source>not one of the four customer types: loyal, purpose-driven, occasional, information-seeking</source>
        <translation>不是四种客户类型之一：忠诚型、目的型、偶发型、信息搜寻型</translation>
    </message>
    <message>
        <source>no stage of the journey has this name: choose one below</source>
        <translation>旅程中没有这个名称的阶段：请在下方选择</translation>
    </message>
    <message>
        <source>no touchpoint of the journey has this name: choose one below</source>
        <translation>旅程中没有这个名称的触点：请在下方选择</translation>
    </message>
    <message>
        <source>the touchpoint is in another stage than the one the row names</source>
        <translation>该触点所在的阶段与这一行写的阶段不同</translation>
    </message>
    <message>
        <source>the row has more cells than the header (a comma inside a comment without quotes?)</source>
        <translation>这一行的单元格比表头多（评价中有未加引号的逗号？）</translation>
    </message>
    <message>
        <source>“%1”</source>
        <extracomment>Where the reader says the file went wrong (&quot;row 7: …&quot; or &quot;line 7&quot;). The longest cell text a message quotes.</extracomment>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>“%1” (row %2)</source>
        <translation>“%1”（第 %2 行）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>%1 列：%2</translation>
    </message>
    <message>
        <source>row %1, column %2: %3</source>
        <translation>第 %1 行，%2 列：%3</translation>
    </message>
</context>
<context>
    <name>FileErrors</name>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>The path is a loop of symbolic links. Choose the file itself.</source>
        <translation>该路径是符号链接的循环。请选择文件本身。</translation>
    </message>
    <message>
        <source>The path is longer than the system allows. Move the file to a shorter path.</source>
        <translation>该路径超出了系统允许的长度。请把文件移到较短的路径下。</translation>
    </message>
    <message>
        <source>The name holds a character no file name may hold.</source>
        <translation>该名称含有文件名中不允许的字符。</translation>
    </message>
    <message>
        <source>This is a device or a pipe, not a file. Choose a .cocreate file.</source>
        <translation>这是设备或管道，不是文件。请选择一个 .cocreate 文件。</translation>
    </message>
    <message>
        <source>The file holds a change a crash left unfinished, and no copy could be made to read it without changing it. Open it where it can be written to finish undoing that change.</source>
        <translation>该文件中有一处因崩溃而未完成的更改，且无法制作副本以在不改动文件的情况下读取它。请在可写入的位置打开该文件，以完成撤销这处更改。</translation>
    </message>
    <message>
        <source>This is a folder, not a session file. Choose a .cocreate file.</source>
        <translation>这是一个文件夹，不是会话文件。请选择 .cocreate 文件。</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes), so it holds no session.</source>
        <translation>该文件为空（0 字节），不包含任何会话。</translation>
    </message>
    <message>
        <source>This is not a cocreate session file.</source>
        <translation>这不是 cocreate 会话文件。</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete, perhaps because a copy was interrupted. Open a backup copy.</source>
        <translation>文件已损坏或不完整，可能是复制过程被中断。请打开备份副本。</translation>
    </message>
    <message>
        <source>This is a database of another application, not a cocreate session.</source>
        <translation>这是其他应用程序的数据库，不是 cocreate 会话。</translation>
    </message>
    <message>
        <source>The file was written by a newer version of cocreate. Update cocreate to open it.</source>
        <translation>该文件由更新版本的 cocreate 创建。请升级 cocreate 后再打开。</translation>
    </message>
    <message>
        <source>The file is already open in another cocreate window. Switch to that window, or close the session there first.</source>
        <translation>该文件已在另一个 cocreate 窗口中打开。请切换到该窗口，或先在那里关闭此会话。</translation>
    </message>
    <message>
        <source>The file is read-only, so changes cannot be saved to it.</source>
        <translation>该文件为只读，无法保存更改。</translation>
    </message>
    <message>
        <source>The file cannot be read: permission denied.</source>
        <translation>无法读取文件：权限不足。</translation>
    </message>
    <message>
        <source>The change could not be written to the file, so it was not made. Check that the disk is not full and the file is still there.</source>
        <translation>无法将更改写入文件，因此此次更改未生效。请检查磁盘空间是否已满，以及文件是否仍然存在。</translation>
    </message>
    <message>
        <source>The file is in an older format and could not be upgraded. It was left as it was.</source>
        <translation>该文件为旧版格式，无法升级，文件保持原样未作改动。</translation>
    </message>
    <message>
        <source>A row of the file holds a value a session cannot have, perhaps because another program wrote it. The file was left as it was. Repair… saves a repaired copy.</source>
        <translation>文件中有一行数据的值不符合会话的要求，可能是其他程序写入的。文件保持原样未被改动。点“修复…”可保存一份修复后的副本。</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was written; what was there before is kept. Free some space on the disk, then try again.</source>
        <translation>磁盘已满，因此没有写入任何内容；原有内容保持不变。请在磁盘上腾出一些空间，然后重试。</translation>
    </message>
    <message>
        <source>The disk reported an error (an input/output error), so nothing was written; what was there before is kept. Check the disk or its connection, then try again.</source>
        <translation>磁盘报告了错误（输入/输出错误），因此没有写入任何内容；原有内容保持不变。请检查磁盘或其连接，然后重试。</translation>
    </message>
    <message>
        <source>The change would take the session past 100 000 notes, cards, answers or other rows of one kind, more than a session may hold, so it was not made.</source>
        <translation>这项更改会让会话中同一类内容（便签、卡片、回答或其他行）超过 100 000 条，超出会话能容纳的上限，因此没有执行。</translation>
    </message>
    <message>
        <source>the path is a loop of symbolic links; choose the file itself</source>
        <extracomment>The reasons an output path is refused (path_checks), as the window says them.</extracomment>
        <translation>该路径是符号链接的循环；请选择文件本身</translation>
    </message>
    <message>
        <source>the path is longer than the system allows; choose a shorter name or folder</source>
        <translation>该路径超出了系统允许的长度；请选择较短的名称或文件夹</translation>
    </message>
    <message>
        <source>the name holds a character no file name may hold; choose another name</source>
        <translation>该名称含有文件名中不允许的字符；请换一个名称</translation>
    </message>
    <message>
        <source>this is a device or a pipe, not a file; choose a file</source>
        <translation>这是设备或管道，不是文件；请选择一个文件</translation>
    </message>
    <message>
        <source>this is a folder; choose a file name</source>
        <translation>这是一个文件夹；请输入文件名</translation>
    </message>
    <message>
        <source>the folder does not exist; choose an existing folder</source>
        <translation>文件夹不存在；请选择一个已有的文件夹</translation>
    </message>
    <message>
        <source>cocreate may not write in this folder (permission denied); choose another folder</source>
        <translation>cocreate 无权写入此文件夹（权限被拒绝）；请选择其他文件夹</translation>
    </message>
    <message>
        <source>the folder was removed while the file was being written; nothing was written</source>
        <translation>写入文件时文件夹被删除了；未写入任何内容</translation>
    </message>
    <message>
        <source>the disk is full; nothing was written, free some space and try again</source>
        <translation>磁盘已满；未写入任何内容，请释放一些空间后重试</translation>
    </message>
    <message>
        <source>the disk reported an error while writing (an input/output error); nothing was written, check the disk and try again</source>
        <translation>写入时磁盘报告了错误（输入/输出错误）；没有写入任何内容，请检查磁盘后重试</translation>
    </message>
    <message>
        <source>the file came out incomplete, so it was not kept; try again</source>
        <translation>写出的文件不完整，因此没有保留；请重试</translation>
    </message>
    <message>
        <source>the file could not be written; nothing was written</source>
        <translation>无法写入该文件；没有写入任何内容</translation>
    </message>
    <message>
        <source>the file is busy: another program is writing to it; try again in a moment</source>
        <extracomment>What a database error means for the file (error_words.Trouble), as the window says it.</extracomment>
        <translation>文件正忙：另一个程序正在写入它；请稍后再试</translation>
    </message>
    <message>
        <source>the file is damaged or incomplete; open a backup copy</source>
        <translation>文件已损坏或不完整；请打开备份副本</translation>
    </message>
    <message>
        <source>the disk reported an error (an input/output error); check the disk, then try again</source>
        <translation>磁盘报告了错误（输入/输出错误）；请检查磁盘后重试</translation>
    </message>
    <message>
        <source>cocreate may not use the file (permission denied)</source>
        <translation>cocreate 无权使用该文件（权限被拒绝）</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>该文件不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>an unexpected problem stopped it; nothing was changed</source>
        <translation>意外问题使其中止；未做任何更改</translation>
    </message>
    <message>
        <source>The first one: %1.</source>
        <translation>第一处：%1。</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>修复…</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Touchpoint title, description or owner</source>
        <translation>触点标题、描述或负责人</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配项（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配项（Enter）</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message numerus="yes">
        <source>Matches: %n</source>
        <translation>
            <numerusform>匹配项：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配项</translation>
    </message>
</context>
<context>
    <name>InspectorDock</name>
    <message>
        <source>Voice (%1)</source>
        <translation>客户之声 (%1)</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>客户之声</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性面板</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>The touchpoint&apos;s fields</source>
        <translation>触点的各项字段</translation>
    </message>
    <message>
        <source>What customers said about this touchpoint in the surveys: scores, comments</source>
        <translation>顾客在问卷中对这个触点的评价：评分与评论</translation>
    </message>
    <message>
        <source>Select a touchpoint card to edit it</source>
        <translation>选择一张触点卡片即可编辑</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>%1 (this computer only)</source>
        <translation>%1（仅限本机）</translation>
    </message>
    <message>
        <source>Invite Participants</source>
        <translation>邀请参与者</translation>
    </message>
    <message>
        <source>&amp;Network address:</source>
        <translation>网络地址(&amp;N)：</translation>
    </message>
    <message>
        <source>The address phones reach this laptop at: the one of the room&apos;s Wi-Fi</source>
        <translation>手机访问这台电脑所用的地址：选现场 Wi-Fi 的那个</translation>
    </message>
    <message>
        <source>New &amp;Link</source>
        <translation>新链接(&amp;L)</translation>
    </message>
    <message>
        <source>Make a new join link; the old one stops working (phones already in stay)</source>
        <translation>生成新的加入链接；旧链接随即失效（已加入的手机不受影响）</translation>
    </message>
    <message>
        <source>Show on &amp;Audience Display</source>
        <translation>在观众屏幕上显示(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Stop Inviting</source>
        <translation>停止邀请(&amp;S)</translation>
    </message>
    <message>
        <source>End every phone&apos;s access at once</source>
        <translation>立即结束所有手机的访问</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide this window; phones can still join</source>
        <translation>隐藏此窗口；手机仍可加入</translation>
    </message>
</context>
<context>
    <name>InviteView</name>
    <message>
        <source>Phones connected: %1</source>
        <extracomment>Modules of light margin around the code, as the QR standard asks. The words beside the code on a wide display take at least this share of its width (and the width of the link); the code takes the rest, up to the display&apos;s height. The link&apos;s type on a wide display, in points, when it fits.</extracomment>
        <translation>已连接的手机：%1</translation>
    </message>
    <message>
        <source>Join from your phone</source>
        <translation>用手机加入</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera, or type the address in its browser. Your phone must be on the same Wi-Fi as this laptop.</source>
        <translation>用手机相机扫描二维码，或在手机浏览器中输入地址。手机须与这台电脑连接同一个 Wi-Fi。</translation>
    </message>
</context>
<context>
    <name>Inviting</name>
    <message>
        <source>&amp;Invite Participants…</source>
        <translation>邀请参与者(&amp;I)…</translation>
    </message>
    <message>
        <source>Let participants join from their phones: show a QR code to scan</source>
        <translation>让参与者用手机加入：显示可扫描的二维码</translation>
    </message>
    <message>
        <source>Stop &amp;Inviting</source>
        <translation>停止邀请(&amp;I)</translation>
    </message>
    <message>
        <source>End every phone&apos;s access at once</source>
        <translation>立即结束所有手机的访问</translation>
    </message>
    <message>
        <source>Cannot Invite Participants</source>
        <translation>无法邀请参与者</translation>
    </message>
    <message>
        <source>Another program on this computer uses the port. Close it, or choose another port.</source>
        <translation>本机的另一个程序正在使用该端口。请关闭那个程序，或换一个端口。</translation>
    </message>
    <message>
        <source>That address is not one of this computer&apos;s. Choose another one.</source>
        <translation>该地址不属于这台电脑。请另选一个。</translation>
    </message>
    <message>
        <source>The room for phones could not start: %1</source>
        <translation>手机接入服务无法启动：%1</translation>
    </message>
    <message>
        <source>The name “%1” cannot be added to the session.</source>
        <translation>无法把“%1”加入本场。</translation>
    </message>
    <message>
        <source>Cannot Approve</source>
        <translation>无法批准</translation>
    </message>
    <message>
        <source>Someone in the session is already called “%1”.</source>
        <translation>本场已有人叫“%1”。</translation>
    </message>
</context>
<context>
    <name>JourneyScene</name>
    <message>
        <source>Choose who is voting in the Participants panel.</source>
        <translation>请在“参与者”面板中选择投票人。</translation>
    </message>
    <message>
        <source>%1 has no votes left in this round.</source>
        <translation>%1 本轮已没有剩余票数。</translation>
    </message>
    <message>
        <source>New touchpoint</source>
        <translation>新触点</translation>
    </message>
    <message>
        <source>New cluster</source>
        <translation>新分组</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>新泳道</translation>
    </message>
</context>
<context>
    <name>JourneyTabs</name>
    <message>
        <source>Untitled journey</source>
        <translation>未命名旅程</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>App</source>
        <translation>移动应用</translation>
    </message>
    <message>
        <source>Mini-program</source>
        <translation>小程序</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Word of mouth</source>
        <translation>口碑</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Other channel</source>
        <translation>其他渠道</translation>
    </message>
    <message>
        <source>Pre-touchpoint</source>
        <translation>预触点</translation>
    </message>
    <message>
        <source>First touchpoint</source>
        <translation>首触点</translation>
    </message>
    <message>
        <source>Core touchpoint</source>
        <translation>核心触点</translation>
    </message>
    <message>
        <source>End touchpoint</source>
        <translation>末触点</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>想法</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Pre</source>
        <translation>预</translation>
    </message>
    <message>
        <source>First</source>
        <translation>首</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>核心</translation>
    </message>
    <message>
        <source>End</source>
        <translation>末</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Pain point</source>
        <translation>痛点</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>好评</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Loyal customer</source>
        <translation>忠诚型顾客</translation>
    </message>
    <message>
        <source>Purpose-driven customer</source>
        <translation>目的型顾客</translation>
    </message>
    <message>
        <source>Occasional customer</source>
        <translation>偶发型顾客</translation>
    </message>
    <message>
        <source>Information-seeking customer</source>
        <translation>信息搜寻型顾客</translation>
    </message>
    <message>
        <source>Custom persona</source>
        <translation>自定义用户画像</translation>
    </message>
    <message>
        <source>Physical evidence</source>
        <translation>有形展示</translation>
    </message>
    <message>
        <source>Customer actions</source>
        <translation>顾客行为</translation>
    </message>
    <message>
        <source>Frontstage</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>后台</translation>
    </message>
    <message>
        <source>Support processes</source>
        <translation>支持流程</translation>
    </message>
    <message>
        <source>Custom lane</source>
        <translation>自定义泳道</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Link</source>
        <extracomment>Short texts on the toolbar buttons, so that the toolbar fits the window even at its minimum width; the menus keep the full names, and so do the tooltips.</extracomment>
        <translation>连线</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私密</translation>
    </message>
    <message>
        <source>Start Voting</source>
        <translation>开始投票</translation>
    </message>
    <message>
        <source>End Voting</source>
        <translation>结束投票</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全览</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Journey</source>
        <translation>旅程(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>工作坊(&amp;W)</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>计时器</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>组件面板</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>工具栏(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new, untitled session</source>
        <translation>新建一个未命名的会话</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a .cocreate session file</source>
        <translation>打开 .cocreate 会话文件</translation>
    </message>
    <message>
        <source>Open &amp;Demo Session</source>
        <translation>打开示例会话(&amp;D)</translation>
    </message>
    <message>
        <source>Open a fresh copy of the demo salon of a coffee chain</source>
        <translation>打开一份全新的咖啡连锁品牌示例沙龙副本</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Copy the session to a file of your choice and go on working there</source>
        <translation>将会话复制到您选择的文件，并在该文件中继续工作</translation>
    </message>
    <message>
        <source>&amp;Close Session</source>
        <translation>关闭会话(&amp;C)</translation>
    </message>
    <message>
        <source>Close the open session</source>
        <translation>关闭当前打开的会话</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit cocreate</source>
        <translation>退出 cocreate</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>清除最近打开的文件(&amp;C)</translation>
    </message>
    <message>
        <source>Session &amp;Details…</source>
        <translation>会话详情(&amp;D)…</translation>
    </message>
    <message>
        <source>Edit the title, theme, brand, date, facilitator and goal</source>
        <translation>编辑标题、主题、品牌、日期、主持人和目标</translation>
    </message>
    <message>
        <source>Re&amp;name Session…</source>
        <translation>重命名会话(&amp;N)…</translation>
    </message>
    <message>
        <source>Change the session title</source>
        <translation>更改会话标题</translation>
    </message>
    <message>
        <source>&amp;Expand Outline</source>
        <translation>展开大纲(&amp;E)</translation>
    </message>
    <message>
        <source>Show every row</source>
        <translation>显示所有行</translation>
    </message>
    <message>
        <source>C&amp;ollapse Outline</source>
        <translation>折叠大纲(&amp;O)</translation>
    </message>
    <message>
        <source>Show journeys only</source>
        <translation>仅显示旅程</translation>
    </message>
    <message>
        <source>&amp;About cocreate</source>
        <translation>关于 cocreate(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>跟随系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>未命名会话</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <source>Read-only: changes cannot be saved</source>
        <translation>只读：无法保存更改</translation>
    </message>
    <message>
        <source>Change Not Saved</source>
        <extracomment>How long &quot;saved again&quot; stays in the status bar (ms); &quot;not saved&quot; stays until then.</extracomment>
        <translation>更改未保存</translation>
    </message>
    <message>
        <source>Cannot Open Session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Opened Read-Only</source>
        <translation>已以只读方式打开</translation>
    </message>
    <message>
        <source>This file is read-only, so it was opened for viewing only and changes cannot be saved to it. Use File &gt; Save As… to make an editable copy.</source>
        <translation>此文件为只读，因此仅以查看方式打开，无法保存更改。请使用“文件 &gt; 另存为…”创建可编辑的副本。</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>cocreate sessions (*.cocreate);;All files (*)</source>
        <translation>cocreate 会话 (*.cocreate);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save Session As</source>
        <translation>会话另存为</translation>
    </message>
    <message>
        <source>cocreate sessions (*.cocreate)</source>
        <translation>cocreate 会话 (*.cocreate)</translation>
    </message>
    <message>
        <source>A new session starts in cocreate&apos;s data folder until you save it:
%1

The disk of that folder is full, so no new session could be started. Free some space on it, then choose File &gt; New Session. Sessions saved on other disks can still be opened (File &gt; Open…).</source>
        <translation>新会话在保存之前存放在 cocreate 的数据文件夹中：
%1

该文件夹所在的磁盘已满，因此无法开始新会话。请在该磁盘上腾出一些空间，然后选择“文件 &gt; 新建会话”。保存在其他磁盘上的会话仍可打开（“文件 &gt; 打开…”）。</translation>
    </message>
    <message>
        <source>A new session starts in cocreate&apos;s data folder until you save it:
%1

The disk of that folder reported an error (an input/output error), so no new session could be started. Check the disk, then choose File &gt; New Session. Sessions saved on other disks can still be opened (File &gt; Open…).</source>
        <translation>新会话在保存之前存放在 cocreate 的数据文件夹中：
%1

该文件夹所在的磁盘报告了错误（输入/输出错误），因此无法开始新会话。请检查磁盘，然后选择“文件 &gt; 新建会话”。保存在其他磁盘上的会话仍可打开（“文件 &gt; 打开…”）。</translation>
    </message>
    <message>
        <source>Cannot Start a New Session</source>
        <translation>无法开始新会话</translation>
    </message>
    <message>
        <source> (repaired)</source>
        <translation>（已修复）</translation>
    </message>
    <message>
        <source>Save Repaired Copy</source>
        <translation>保存修复后的副本</translation>
    </message>
    <message>
        <source>Cannot Repair Session</source>
        <translation>无法修复会话</translation>
    </message>
    <message>
        <source>%1

The repaired copy cannot replace the file it repairs.</source>
        <translation>%1

修复后的副本不能替换被修复的文件本身。</translation>
    </message>
    <message>
        <source>%1

The repaired copy could not be written there: %2</source>
        <translation>%1

无法在此处写入修复后的副本：%2</translation>
    </message>
    <message>
        <source>%1

This is the repaired copy of %2, which was left as it was. Values changed: %3. Rows dropped: %4.</source>
        <translation>%1

这是 %2 的修复副本，原文件保持原样。改动的值：%3。删除的行：%4。</translation>
    </message>
    <message>
        <source>Repaired Copy Opened</source>
        <translation>已打开修复后的副本</translation>
    </message>
    <message>
        <source>Cannot Save Session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>%1

The session could not be written there: %2</source>
        <translation>%1

无法将会话写入该位置：%2</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>已另存为 %1</translation>
    </message>
    <message>
        <source>Save Session?</source>
        <translation>保存会话？</translation>
    </message>
    <message>
        <source>This session has not been saved under a name yet. Save it before closing? If you discard it, its contents are deleted.</source>
        <translation>此会话尚未命名保存。是否在关闭前保存？如果放弃，其内容将被删除。</translation>
    </message>
    <message>
        <source>Rename Session</source>
        <translation>重命名会话</translation>
    </message>
    <message>
        <source>Session title:</source>
        <translation>会话标题：</translation>
    </message>
    <message>
        <source>About cocreate</source>
        <translation>关于 cocreate</translation>
    </message>
    <message>
        <source>cocreate %1</source>
        <translation>cocreate 版本 %1</translation>
    </message>
    <message>
        <source>A desktop tool for service-design co-creation salons: map the customer journey, collect sticky notes, vote, and share the service blueprint.</source>
        <translation>一款服务设计共创沙龙桌面工具：绘制顾客旅程、收集便利贴、投票，并分享服务蓝图。</translation>
    </message>
</context>
<context>
    <name>MatchTable</name>
    <message>
        <source>Value in the file</source>
        <translation>文件中的值</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答数</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>触点</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Choose a touchpoint…</source>
        <translation>选择触点…</translation>
    </message>
    <message>
        <source>Choose a stage…</source>
        <translation>选择阶段…</translation>
    </message>
    <message>
        <source>Link to none</source>
        <translation>不关联</translation>
    </message>
    <message>
        <source>Likely</source>
        <translation>可能是</translation>
    </message>
    <message>
        <source>Untitled stage</source>
        <translation>未命名阶段</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>NewJourneyDialog</name>
    <message>
        <source>No stages yet: you add them yourself</source>
        <translation>暂无阶段：请自行添加</translation>
    </message>
    <message>
        <source>New Journey</source>
        <translation>新建旅程</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Persona:</source>
        <translation>用户画像(&amp;P)：</translation>
    </message>
    <message>
        <source>The journey&apos;s name, shown on its tab</source>
        <translation>旅程名称，显示在旅程的标签页上</translation>
    </message>
    <message>
        <source>The stages the new journey starts with</source>
        <translation>新旅程初始包含的阶段</translation>
    </message>
    <message>
        <source>The template&apos;s stages, in order</source>
        <translation>模板包含的阶段（按顺序）</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Private — only you see this text</source>
        <extracomment>A journey opens at a zoom where card titles are at least this many pixels high.</extracomment>
        <translation>私密 — 只有你能看到这段文字</translation>
    </message>
    <message>
        <source>Private mode: the audience display shows this note face down. A screen that mirrors this one shows everything you type.</source>
        <translation>私密模式：观众屏幕上这张便签只显示背面。镜像此屏幕的显示器会显示你输入的全部内容。</translation>
    </message>
</context>
<context>
    <name>PaletteDock</name>
    <message>
        <source>Palette</source>
        <translation>组件面板</translation>
    </message>
    <message>
        <source>Drag onto the canvas to add a touchpoint</source>
        <translation>拖到画布上即可添加触点</translation>
    </message>
    <message>
        <source>Touchpoint kinds and channels: drag one onto the canvas to add a card</source>
        <translation>触点类型和渠道：将其中一项拖到画布上即可添加卡片</translation>
    </message>
</context>
<context>
    <name>PaletteTree</name>
    <message>
        <source>Touchpoint kinds</source>
        <translation>触点类型</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Drag onto the canvas to add a touchpoint of the kind “%1”; double-click or press Enter to add one</source>
        <translation>拖到画布上即可添加“%1”类型的触点；也可双击或按 Enter 添加</translation>
    </message>
    <message>
        <source>Drag onto the canvas to add a touchpoint on the channel “%1”; double-click or press Enter to add one</source>
        <translation>拖到画布上即可添加渠道为“%1”的触点；也可双击或按 Enter 添加</translation>
    </message>
</context>
<context>
    <name>ParticipantsDock</name>
    <message>
        <source>Connected from a phone</source>
        <translation>已通过手机连接</translation>
    </message>
    <message>
        <source>Dots still to give in round %1</source>
        <translation>第 %1 轮中尚可投出的票数</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Updated fields that change the list itself: its order, or whether the dots column shows. Fields of a person their line (or the banner) shows.</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>尚未指定</translation>
    </message>
    <message>
        <source>Add the people in the room below</source>
        <translation>请在下方添加在场人员</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Votes left: %1</source>
        <translation>剩余票数：%1</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
    <message>
        <source>Remove Participant</source>
        <translation>移除参与者</translation>
    </message>
    <message>
        <source>Remove “%1” from the session?</source>
        <translation>要将“%1”从会话中移除吗？</translation>
    </message>
    <message>
        <source>Their notes stay on the board without an author, and their votes are taken back. Undo brings everything back.</source>
        <translation>其便利贴将以未署名状态保留在画布上，其投票将被撤回。撤销操作可恢复全部内容。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Votes left</source>
        <translation>剩余票数</translation>
    </message>
    <message>
        <source>Click a person to make them the current author of new notes; double-click a name to rename</source>
        <translation>单击某人即可将其设为新便利贴的当前作者；双击姓名可重命名</translation>
    </message>
    <message>
        <source>New notes are written by this person</source>
        <translation>新便利贴将署名为此人</translation>
    </message>
    <message>
        <source>Current author</source>
        <translation>当前作者</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the chosen person (F2)</source>
        <translation>重命名所选人员（F2）</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <source>Choose the colour of the chosen person&apos;s notes</source>
        <translation>选择所选人员的便利贴颜色</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Remove the chosen person from the session (Delete); it can be undone</source>
        <translation>将所选人员从会话中移除（Delete）；此操作可撤销</translation>
    </message>
    <message>
        <source>Role of the chosen person</source>
        <translation>所选人员的角色</translation>
    </message>
    <message>
        <source>&amp;Add a person</source>
        <translation>添加人员(&amp;A)</translation>
    </message>
    <message>
        <source>Type a name and press Enter: the person gets a colour of their own</source>
        <translation>输入姓名并按 Enter：系统会为此人分配专属颜色</translation>
    </message>
    <message>
        <source>Role of the new person</source>
        <translation>新人员的角色</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add the person to the session</source>
        <translation>将此人添加到会话</translation>
    </message>
</context>
<context>
    <name>PdfExportDialog</name>
    <message>
        <source>Export PDF Blueprint</source>
        <translation>导出 PDF 服务蓝图</translation>
    </message>
    <message>
        <source>A1 and A0 make wall posters</source>
        <translation>A1 和 A0 适合做成墙面海报</translation>
    </message>
    <message>
        <source>&amp;Landscape</source>
        <translation>横向(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Portrait</source>
        <translation>纵向(&amp;P)</translation>
    </message>
    <message>
        <source>Untitled journey</source>
        <translation>未命名旅程</translation>
    </message>
    <message>
        <source>Paper &amp;size:</source>
        <translation>纸张大小(&amp;S)：</translation>
    </message>
    <message>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Journeys:</source>
        <translation>旅程：</translation>
    </message>
</context>
<context>
    <name>PersonaCombo</name>
    <message>
        <source>No persona</source>
        <translation>无用户画像</translation>
    </message>
    <message>
        <source>New persona…</source>
        <translation>新建用户画像…</translation>
    </message>
    <message>
        <source>The type of customer whose journey this is</source>
        <translation>此旅程所描绘的顾客类型</translation>
    </message>
</context>
<context>
    <name>PersonaDialog</name>
    <message>
        <source>Journey Persona</source>
        <translation>旅程用户画像</translation>
    </message>
    <message>
        <source>Whose journey is “%1”?</source>
        <translation>“%1”是谁的旅程？</translation>
    </message>
    <message>
        <source>Changes apply to every journey that uses this persona.</source>
        <translation>更改将应用于使用此用户画像的所有旅程。</translation>
    </message>
    <message>
        <source>&amp;Persona:</source>
        <translation>用户画像(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>PersonaFields</name>
    <message>
        <source>Persona &amp;name:</source>
        <translation>画像名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>e.g. Busy young parent</source>
        <translation>例如：忙碌的年轻父母</translation>
    </message>
    <message>
        <source>What the group calls this customer</source>
        <translation>小组对这位顾客的称呼</translation>
    </message>
    <message>
        <source>The type of customer the persona stands for</source>
        <translation>该用户画像所代表的顾客类型</translation>
    </message>
    <message>
        <source>Who they are, what they need, what bothers them</source>
        <translation>他们是谁、需要什么、为什么而烦恼</translation>
    </message>
    <message>
        <source>A few words on the persona</source>
        <translation>简要描述该用户画像</translation>
    </message>
</context>
<context>
    <name>PhonesPanel</name>
    <message>
        <source>Phones connected: %1</source>
        <extracomment>Rows of waiting names shown before the list scrolls.</extracomment>
        <translation>已连接的手机：%1</translation>
    </message>
    <message>
        <source>QR Code…</source>
        <translation>二维码…</translation>
    </message>
    <message>
        <source>Show the invitation to join from phones</source>
        <translation>显示用手机加入的邀请</translation>
    </message>
    <message>
        <source>Pause input</source>
        <translation>暂停输入</translation>
    </message>
    <message>
        <source>Phones can look but not send notes or votes; they say the salon is paused</source>
        <translation>手机只能查看，不能发送便签或投票；手机上显示沙龙已暂停</translation>
    </message>
    <message>
        <source>Approve newcomers</source>
        <translation>批准新来者</translation>
    </message>
    <message>
        <source>A new name waits until you approve it here; known participants join at once</source>
        <translation>新名字须在此批准后才能加入；已有的参与者可直接加入</translation>
    </message>
    <message>
        <source>Remove Phone</source>
        <translation>移除手机</translation>
    </message>
    <message>
        <source>End the access of the chosen participant&apos;s phone; they stay in the session</source>
        <translation>结束所选参与者手机的访问；此人仍留在本场</translation>
    </message>
    <message>
        <source>&amp;Waiting to join:</source>
        <translation>等待加入(&amp;W)：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>PreviewTable</name>
    <message>
        <source>Problems</source>
        <extracomment>A bad cell&apos;s background and text: readable on the light and the dark palette alike. A stage&apos;s name over its cards in a choice of cards. The most characters a preview cell shows (its tooltip or the file hold the rest). What a match combo holds when nothing is chosen yet, and for &quot;link to none&quot;. The data role that marks a card listed under its stage&apos;s name, and how far it is indented. The most values a match table lists (those with the most answers).</extracomment>
        <translation>问题</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Sessions</source>
        <translation>恢复未保存的会话</translation>
    </message>
    <message>
        <source>These sessions were never saved to a file of your choice, perhaps because cocreate was closed unexpectedly. Every change in them was kept.</source>
        <translation>这些会话从未保存到您选择的文件中，可能是因为 cocreate 意外关闭。其中的所有更改均已保留。</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>Keep these sessions and ask again next time</source>
        <translation>保留这些会话，下次再询问</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>未命名会话</translation>
    </message>
    <message>
        <source>Journeys: %1 · Touchpoints: %2 · Notes: %3</source>
        <translation>旅程：%1 · 触点：%2 · 便利贴：%3</translation>
    </message>
    <message>
        <source>Last changed %1</source>
        <translation>最后修改于 %1</translation>
    </message>
    <message>
        <source>Delete Session</source>
        <translation>删除会话</translation>
    </message>
    <message>
        <source>Delete this unsaved session for good? This cannot be undone.</source>
        <translation>要永久删除这个未保存的会话吗？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>ScoreSpinBox</name>
    <message>
        <source>Mixed</source>
        <translation>多个值</translation>
    </message>
    <message>
        <source>No score</source>
        <translation>无评分</translation>
    </message>
</context>
<context>
    <name>SessionDetailsDialog</name>
    <message>
        <source>Session Details</source>
        <translation>会话详情</translation>
    </message>
    <message>
        <source>e.g. Member loyalty co-creation salon</source>
        <translation>例如：会员忠诚度共创沙龙</translation>
    </message>
    <message>
        <source>The clear theme of the salon</source>
        <translation>本次沙龙的明确主题</translation>
    </message>
    <message>
        <source>What the group wants to leave the room with</source>
        <translation>大家希望在沙龙结束时带走的成果</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>主题(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Brand:</source>
        <translation>品牌(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Facilitator:</source>
        <translation>主持人(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>目标(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>SessionOverview</name>
    <message>
        <source>Outline</source>
        <extracomment>What the outline shows of each table, besides which rows there are (links: nothing). The fields shown on a row&apos;s own line, which a change updates in place (votes: the counts). The tables whose new rows come in place: a note&apos;s line, a vote&apos;s dots, a person&apos;s line. The tables whose rows go in place (a person&apos;s notes would lose their author).</extracomment>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>未命名会话</translation>
    </message>
    <message>
        <source>Facilitator: %1</source>
        <translation>主持人：%1</translation>
    </message>
    <message numerus="yes">
        <source>Participants: %n</source>
        <translation>
            <numerusform>参与者：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Persona: %1 (%2)</source>
        <translation>用户画像：%1（%2）</translation>
    </message>
    <message>
        <source>Untitled journey</source>
        <translation>未命名旅程</translation>
    </message>
    <message numerus="yes">
        <source>Touchpoints: %n</source>
        <translation>
            <numerusform>触点：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Emotion %1</source>
        <translation>情绪 %1</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <source>Branded touchpoint</source>
        <translation>品牌化触点</translation>
    </message>
    <message>
        <source>Breakpoint</source>
        <translation>断点</translation>
    </message>
    <message numerus="yes">
        <source>Votes: %n</source>
        <translation>
            <numerusform>票数：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>便利贴</translation>
    </message>
    <message numerus="yes">
        <source>Notes: %n</source>
        <translation>
            <numerusform>便利贴：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled cluster</source>
        <translation>未命名分组</translation>
    </message>
    <message>
        <source>Not in a cluster</source>
        <translation>未分组</translation>
    </message>
    <message>
        <source>No author</source>
        <translation>未署名</translation>
    </message>
    <message>
        <source>Private until revealed</source>
        <translation>揭晓前隐藏</translation>
    </message>
    <message>
        <source>(private note)</source>
        <translation>（私密便利贴）</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与者</translation>
    </message>
    <message numerus="yes">
        <source>Vote budget: %n</source>
        <translation>
            <numerusform>可投票数：%n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartVotingDialog</name>
    <message>
        <source>Start Voting</source>
        <translation>开始投票</translation>
    </message>
    <message>
        <source>&amp;Dots per participant:</source>
        <translation>每人票数(&amp;D)：</translation>
    </message>
    <message>
        <source>How many dots each participant can give in this round (1 to 20)</source>
        <translation>本轮每位参与者可投的票数（1 到 20）</translation>
    </message>
    <message>
        <source>Every participant gets this many dots for this round. Click a note or card to vote; Shift+click takes a vote back.</source>
        <translation>本轮每位参与者将获得此数量的选票。点击便利贴或卡片即可投票；按住 Shift 点击可撤回一票。</translation>
    </message>
</context>
<context>
    <name>StatusLabels</name>
    <message>
        <source>Idea</source>
        <translation>构想</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>TallyDock</name>
    <message>
        <source>Voting round %1 is running</source>
        <extracomment>The fields of a voted row its line shows; a change of one re-reads only the changed rows. Fields that rank or count the dots again: the round, where a row belongs, the voters&apos; colours, order and budgets.</extracomment>
        <translation>第 %1 轮投票正在进行</translation>
    </message>
    <message>
        <source>No voting round is running</source>
        <translation>当前没有进行中的投票</translation>
    </message>
    <message>
        <source>Results of round %1</source>
        <translation>第 %1 轮投票结果</translation>
    </message>
    <message>
        <source>Dots given: %1 of %2</source>
        <translation>已投票数：%1 / %2</translation>
    </message>
    <message>
        <source>Dots given: %1</source>
        <translation>已投票数：%1</translation>
    </message>
    <message>
        <source>One dot in each voter&apos;s colour</source>
        <translation>每一票以投票人的颜色显示</translation>
    </message>
    <message>
        <source>Double-click or press Enter to show it</source>
        <translation>双击或按 Enter 定位到此项</translation>
    </message>
    <message>
        <source>Open a session to see its votes</source>
        <translation>打开会话即可查看投票情况</translation>
    </message>
    <message>
        <source>Start a voting round: every participant gets dots to give</source>
        <translation>开始一轮投票：每位参与者都会获得选票</translation>
    </message>
    <message>
        <source>No dots on this journey yet</source>
        <translation>此旅程尚无投票</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>便利贴</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>触点</translation>
    </message>
    <message>
        <source>(private note)</source>
        <translation>（私密便利贴）</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>（空白便利贴）</translation>
    </message>
    <message>
        <source>(untitled touchpoint)</source>
        <translation>（未命名触点）</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>#</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Dots</source>
        <translation>票数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Most dots first; double-click or press Enter to show the note or card</source>
        <translation>按票数从高到低排列；双击或按 Enter 定位到对应的便利贴或卡片</translation>
    </message>
</context>
<context>
    <name>TextLimits</name>
    <message>
        <source>This field holds up to %1 characters; the rest was not pasted.</source>
        <extracomment>How long the window&apos;s status bar shows the notice, in milliseconds.</extracomment>
        <translation>此栏最多可容纳 %1 个字符，其余部分未粘贴。</translation>
    </message>
    <message>
        <source>This field holds up to %1 characters.</source>
        <translation>此栏最多可容纳 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>TimerOverlay</name>
    <message>
        <source>Time&apos;s up</source>
        <translation>时间到！</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Click to dismiss</source>
        <translation>点击关闭</translation>
    </message>
    <message>
        <source>Time&apos;s up: click to dismiss</source>
        <translation>时间到！点击关闭</translation>
    </message>
</context>
<context>
    <name>TimerPanel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Start a countdown: %n min</source>
        <translation>
            <numerusform>开始倒计时：%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Length of a custom countdown, in minutes</source>
        <translation>自定义倒计时时长（分钟）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start a countdown of the minutes set beside</source>
        <translation>按旁边设置的分钟数开始倒计时</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop the clock for a moment; Resume goes on</source>
        <translation>暂时停止计时；点击“继续”可接着倒计时</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Go on counting down from where it was paused</source>
        <translation>从暂停处继续倒计时</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 分钟</translation>
    </message>
    <message>
        <source>Give the group one more minute</source>
        <translation>给大家多加一分钟</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Stop the countdown and clear it</source>
        <translation>停止并清除倒计时</translation>
    </message>
    <message>
        <source>Time left (minutes:seconds)</source>
        <translation>剩余时间（分:秒）</translation>
    </message>
</context>
<context>
    <name>TouchpointForm</name>
    <message>
        <source>Mixed</source>
        <translation>多个值</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>尚未指定</translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoints selected</source>
        <translation>
            <numerusform>已选择 %n 个触点</numerusform>
        </translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>触点</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Emotion:</source>
        <translation>情绪：</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>评分：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Branded touchpoint</source>
        <translation>品牌化触点</translation>
    </message>
    <message>
        <source>Breakpoint</source>
        <translation>断点</translation>
    </message>
    <message>
        <source>What happens at this touchpoint</source>
        <translation>此触点上发生了什么</translation>
    </message>
    <message>
        <source>Details, quotes, observations</source>
        <translation>细节、顾客原话、观察</translation>
    </message>
    <message>
        <source>The card&apos;s title, saved as you type; Escape takes the typing back</source>
        <translation>卡片标题，输入即保存；按 Escape 撤回本次输入</translation>
    </message>
    <message>
        <source>Longer notes on the card, saved as you type; Escape takes the typing back</source>
        <translation>卡片的详细说明，输入即保存；按 Escape 撤回本次输入</translation>
    </message>
    <message>
        <source>Where the customer meets the service</source>
        <translation>顾客与服务接触的渠道</translation>
    </message>
    <message>
        <source>Where the touchpoint sits in the customer&apos;s relationship with the brand</source>
        <translation>触点在顾客与品牌关系中所处的位置</translation>
    </message>
    <message>
        <source>How the customer feels here, from very negative to very positive</source>
        <translation>顾客在此处的感受，从非常负面到非常正面</translation>
    </message>
    <message>
        <source>Satisfaction or NPS score from 0 to 10, or no score</source>
        <translation>满意度或 NPS 评分（0 到 10），也可不评分</translation>
    </message>
    <message>
        <source>The touchpoint carries the brand</source>
        <translation>该触点承载品牌形象</translation>
    </message>
    <message>
        <source>The journey breaks here: customers drop out or get stuck</source>
        <translation>旅程在此中断：顾客在此流失或受阻</translation>
    </message>
    <message>
        <source>How far the work on this touchpoint has come</source>
        <translation>此触点相关工作的进展</translation>
    </message>
    <message>
        <source>Who takes care of this touchpoint</source>
        <translation>此触点的负责人</translation>
    </message>
</context>
<context>
    <name>VoicePanel</name>
    <message>
        <source>NPS %1 · n = %2</source>
        <extracomment>The number of answers of the card shown changed (the Inspector names its tab with it).</extracomment>
        <translation>NPS %1 · n = %2</translation>
    </message>
    <message>
        <source>Promoters %1 · Passives %2 · Detractors %3</source>
        <translation>推荐者 %1 · 中立者 %2 · 贬损者 %3</translation>
    </message>
    <message>
        <source>Comments: %1</source>
        <translation>评论：%1</translation>
    </message>
    <message>
        <source>Comments: %1 of %2</source>
        <translation>评论：%1 / %2</translation>
    </message>
    <message>
        <source>This comment is on the board already</source>
        <translation>这条评论已在画布上</translation>
    </message>
    <message>
        <source>Put the selected comment on the board as a sticky note on this card</source>
        <translation>将选中的评论作为便利贴贴到这张卡片上</translation>
    </message>
    <message>
        <source>Promote to Sticky Note</source>
        <translation>转为便利贴</translation>
    </message>
    <message>
        <source>Copy Comment</source>
        <translation>复制评论</translation>
    </message>
    <message>
        <source>No survey answers for this touchpoint. File &gt; Import Feedback… brings them in.</source>
        <translation>这个触点还没有问卷回答。可通过“文件 &gt; 导入反馈…”导入。</translation>
    </message>
    <message>
        <source>Search comments</source>
        <translation>搜索评论</translation>
    </message>
    <message>
        <source>Shows the comments that contain these words</source>
        <translation>只显示包含这些字词的评论</translation>
    </message>
    <message>
        <source>Lowest score first</source>
        <translation>评分从低到高</translation>
    </message>
    <message>
        <source>Highest score first</source>
        <translation>评分从高到低</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>最早的在前</translation>
    </message>
    <message>
        <source>The order of the comments</source>
        <translation>评论的排列顺序</translation>
    </message>
    <message>
        <source>Show answers without a comment</source>
        <translation>显示没有评论的回答</translation>
    </message>
    <message>
        <source>On the board</source>
        <translation>已在画布上</translation>
    </message>
    <message>
        <source>No comment</source>
        <translation>无评论</translation>
    </message>
    <message>
        <source>Comments of the survey answers</source>
        <translation>问卷回答的评论</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>cocreate</source>
        <translation>cocreate</translation>
    </message>
    <message>
        <source>Map the customer journey with your group, on one shared screen.</source>
        <translation>在同一块共享屏幕上，与团队一起绘制顾客旅程。</translation>
    </message>
</context>
<context>
    <name>ZoomIndicator</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Zoom of the journey in view; click for 100 % (Ctrl+1)</source>
        <translation>当前旅程的缩放比例; 单击恢复为 100% (Ctrl+1)</translation>
    </message>
</context>
</TS>
